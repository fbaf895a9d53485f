package vn.motcua.notification.rules;

import org.junit.jupiter.api.Test;
import vn.motcua.contracts.appointment.AppointmentEvents;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.contracts.common.PostalAddress;
import vn.motcua.contracts.delivery.DeliveryEvents;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.notification.message.Channel;
import vn.motcua.notification.template.TemplateService;
import vn.motcua.notification.template.TemplateText;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules, the field lists and the default texts hold together: for one full sample of every event type, the rule
 * fills exactly the fields its template declares, and both default texts (vi, en) render without a blank.
 */
class NotificationRulesTest {

    static final OffsetDateTime T = OffsetDateTime.parse("2026-11-23T09:30:00+07:00");
    static final Applicant AN = new Applicant("cd-001", "Nguyễn Văn An", "an.nguyen@example.vn", "0912345678", "vi");
    static final Applicant AN_EN = new Applicant("cd-001", "Nguyễn Văn An", "an.nguyen@example.vn", "0912345678", "en");
    static final PostalAddress ADDRESS = new PostalAddress("Nguyễn Văn An", "0912345678", "25 Đội Cấn", "00001", "Phường Ba Đình",
            null, "01", "Hà Nội");

    final NotificationRules rules = new NotificationRules(Map.of("000.00.12.H29", "mot-cua.badinh@hanoi.gov.vn"));

    static DossierEvents.DossierRef dossier(Applicant a) {
        return new DossierEvents.DossierRef("d-1", "000.00.12.H29-261123-0001", "1.001193", "Đăng ký khai sinh", "000.00.12.H29",
                "UBND phường Ba Đình", a, "ONLINE", "POST", "RECEIVED", 2, T.plusDays(1), null);
    }

    static AppointmentEvents.BookingRef booking(Applicant a) {
        return new AppointmentEvents.BookingRef("b-1", "LH-0042", "d-1", a, "1.001193", "Đăng ký khai sinh", "SP-01",
                "Bộ phận một cửa phường Ba Đình", "25 Đội Cấn, Ba Đình, Hà Nội", T.plusDays(2), T.plusDays(2).plusMinutes(15), "BOOKED");
    }

    static PaymentEvents.PaymentRef payment(Applicant a) {
        return new PaymentEvents.PaymentRef("p-1", "d-1", "000.21.27.H29-261123-0007", "000.21.27.H29",
                "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", a, 200_000, List.of(new FeeLine("LP", "Lệ phí", 200_000)), "PAID");
    }

    static DeliveryEvents.DeliveryRef order(Applicant a) {
        return new DeliveryEvents.DeliveryRef("o-1", "RESULT_RETURN", "d-1", "000.00.12.H29-261123-0001", "000.00.12.H29",
                "VNPOST", "EB123456789VN", a, ADDRESS, "OUT_FOR_DELIVERY");
    }

    static Map<String, Object> samples(Applicant a) {
        Map<String, Object> s = new LinkedHashMap<>();
        var d = dossier(a);
        s.put(DossierEvents.DRAFT_CREATED, new DossierEvents.DraftCreated(d, T));
        s.put(DossierEvents.SUBMITTED, new DossierEvents.Submitted(d, T, true, null));
        s.put(DossierEvents.PAYMENT_REQUIRED, new DossierEvents.PaymentRequired(d, List.of(), 200_000, true, ADDRESS, T));
        s.put(DossierEvents.RECEIVED, new DossierEvents.Received(d, "BN-1", T, T.plusDays(1), "cb-001"));
        s.put(DossierEvents.SUPPLEMENT_REQUESTED, new DossierEvents.SupplementRequested(d, "Thiếu giấy tờ", List.of("Giấy chứng sinh"), T, "cb-001"));
        s.put(DossierEvents.SUPPLEMENT_SUBMITTED, new DossierEvents.SupplementSubmitted(d, T));
        s.put(DossierEvents.REFUSED, new DossierEvents.Refused(d, "Không thuộc thẩm quyền", T, "cb-001"));
        s.put(DossierEvents.STEP_CHANGED, new DossierEvents.StepChanged(d, "Thẩm định", "cb-002", T.plusHours(8), T));
        s.put(DossierEvents.RESOLVED, new DossierEvents.Resolved(d, "Giấy khai sinh", "POST", ADDRESS, T, "cb-001"));
        s.put(DossierEvents.RETURNED, new DossierEvents.Returned(d, "POST", T));
        s.put(DossierEvents.WITHDRAWN, new DossierEvents.Withdrawn(d, "Không còn nhu cầu", T));
        s.put(DossierEvents.STOPPED, new DossierEvents.Stopped(d, "Người nộp không bổ sung", T, "cb-001"));
        s.put(DossierEvents.OVERDUE, new DossierEvents.Overdue(d, T, T.plusHours(1)));
        s.put(DossierEvents.WITHDRAWAL_REQUESTED, new DossierEvents.WithdrawalRequested(d, "Đổi ý", T));
        s.put(DossierEvents.REOPENED, new DossierEvents.Reopened(d, "REFUSED", "Khiếu nại được chấp nhận", "ld-001", T));
        s.put(DossierEvents.PAYMENT_CONFIRMED, new DossierEvents.PaymentConfirmed(d, "p-1", "BL-0001", 200_000, T));
        s.put(DossierEvents.DUE_DATE_EXTENDED, new DossierEvents.DueDateExtended(d, T, T.plusDays(2), "Chờ xác minh", "cb-001", T));
        var p = payment(a);
        s.put(PaymentEvents.REQUESTED, new PaymentEvents.Requested(p, T.plusDays(1), T));
        s.put(PaymentEvents.SUCCEEDED, new PaymentEvents.Succeeded(p, "SANDBOX", "tx-1", "BL-0001", T));
        s.put(PaymentEvents.FAILED, new PaymentEvents.Failed(p, "SANDBOX", "Thẻ hết hạn", T));
        s.put(PaymentEvents.EXPIRED, new PaymentEvents.Expired(p, T));
        s.put(PaymentEvents.REFUNDED, new PaymentEvents.Refunded(p, "r-1", 200_000, "Từ chối hồ sơ", T));
        var b = booking(a);
        s.put(AppointmentEvents.BOOKING_CREATED, new AppointmentEvents.BookingCreated(b, T));
        s.put(AppointmentEvents.BOOKING_CANCELLED, new AppointmentEvents.BookingCancelled(b, "Tạm dừng tiếp nhận", "INTAKE_SUSPENDED", "system", "s-1", T));
        s.put(AppointmentEvents.BOOKING_RESCHEDULED, new AppointmentEvents.BookingRescheduled(b, T.plusDays(1), T));
        s.put(AppointmentEvents.BOOKING_CHECKED_IN, new AppointmentEvents.BookingCheckedIn(b, "A015", T));
        s.put(AppointmentEvents.BOOKING_NO_SHOW, new AppointmentEvents.BookingNoShow(b, T));
        s.put(AppointmentEvents.BOOKING_SERVED, new AppointmentEvents.BookingServed(b, "Q1", "cb-001", T));
        s.put(AppointmentEvents.REMINDER_DUE, new AppointmentEvents.ReminderDue(b, 24, T));
        s.put(AppointmentEvents.EXCEPTION_APPROVED, new AppointmentEvents.ExceptionApproved("x-1", "s-1", a, "Cần gấp", "ld-001", T));
        s.put(AppointmentEvents.EXCEPTION_REJECTED, new AppointmentEvents.ExceptionRejected("x-1", "s-1", a, "Cần gấp", "Không đủ căn cứ", "ld-001", T));
        var o = order(a);
        s.put(DeliveryEvents.REQUESTED, new DeliveryEvents.Requested(o, 30_000, 0, T));
        s.put(DeliveryEvents.DISPATCHED, new DeliveryEvents.Dispatched(o, T));
        s.put(DeliveryEvents.STATUS_CHANGED, new DeliveryEvents.StatusChanged(o, "IN_TRANSIT", "OFD", "BC Ba Đình", null, T));
        s.put(DeliveryEvents.DELIVERED, new DeliveryEvents.Delivered(o, "Nguyễn Văn An", "SELF", "POD-1", T));
        s.put(DeliveryEvents.FAILED, new DeliveryEvents.Failed(o, "Không có người nhận", 1, T));
        s.put(DeliveryEvents.RETURNED, new DeliveryEvents.Returned(o, "Quá số lần phát", T));
        s.put(DeliveryEvents.SLA_BREACHED, new DeliveryEvents.SlaBreached(o, "NOT_PICKED_UP", T, T.plusDays(1)));
        return s;
    }

    static CloudEvent event(String type, Object payload) {
        return CloudEventCodec.create("/test", type, "d-1", payload);
    }

    @Test
    void every_rule_fills_exactly_its_templates_fields_and_both_default_texts_render() {
        Map<String, String> defaults = new LinkedHashMap<>();
        TemplateService.defaults().forEach(t -> defaults.put(t.code() + "/" + t.language(), t.title() + "\n" + t.body() + "\n" + t.sms()));
        Set<String> codesSeen = new HashSet<>();
        for (Applicant applicant : List.of(AN, AN_EN)) {
            for (var sample : samples(applicant).entrySet()) {
                for (Notice notice : rules.noticesFor(event(sample.getKey(), sample.getValue()))) {
                    var spec = NotificationRules.template(notice.templateCode()).orElseThrow();
                    assertThat(spec.eventType()).isEqualTo(sample.getKey());
                    assertThat(notice.fields().keySet()).as(notice.templateCode()).isEqualTo(spec.fields());
                    codesSeen.add(notice.templateCode());
                    for (String language : List.of("vi", "en")) {
                        String text = defaults.get(notice.templateCode() + "/" + language);
                        assertThat(text).as("default " + notice.templateCode() + "/" + language).isNotNull();
                        assertThat(TemplateText.parse(text).render(notice.fields())).doesNotContain("{{");
                    }
                }
            }
        }
        Set<String> missing = new HashSet<>(NotificationRules.templates().keySet());
        missing.removeAll(codesSeen);
        // the non-suspension cancellation is covered below
        assertThat(missing).containsExactly("appointment.booking-cancelled");
    }

    @Test
    void every_template_code_has_valid_vietnamese_and_english_defaults() {
        List<String> keys = new ArrayList<>();
        for (var text : TemplateService.defaults()) {
            var spec = NotificationRules.template(text.code()).orElseThrow();
            for (String part : List.of(text.title(), text.body(), text.sms())) {
                assertThat(spec.fields()).as(text.code()).containsAll(TemplateText.parse(part).fields());
            }
            keys.add(text.code() + "/" + text.language());
        }
        for (String code : NotificationRules.templates().keySet()) {
            assertThat(keys).contains(code + "/vi", code + "/en");
        }
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void mandatory_notices_are_refusal_payment_confirmation_and_a_booking_cancelled_by_a_suspension() {
        Map<String, Object> s = samples(AN);
        Set<String> mandatory = new HashSet<>();
        for (var sample : s.entrySet()) {
            rules.noticesFor(event(sample.getKey(), sample.getValue())).stream().filter(Notice::mandatory)
                    .forEach(n -> mandatory.add(n.templateCode()));
        }
        assertThat(mandatory).containsExactlyInAnyOrder("dossier.refused", "payment.succeeded",
                "appointment.booking-cancelled-suspension");
        var byCitizen = new AppointmentEvents.BookingCancelled(booking(AN), "Bận việc", "CANCELLED_BY_CITIZEN", "cd-001", null, T);
        Notice notice = rules.noticesFor(event(AppointmentEvents.BOOKING_CANCELLED, byCitizen)).get(0);
        assertThat(notice.templateCode()).isEqualTo("appointment.booking-cancelled");
        assertThat(notice.mandatory()).isFalse();
        assertThat(notice.fields().keySet()).isEqualTo(NotificationRules.template("appointment.booking-cancelled").orElseThrow().fields());
    }

    @Test
    void recipients_channels_and_formats() {
        Notice received = rules.noticesFor(event(DossierEvents.RECEIVED, samples(AN).get(DossierEvents.RECEIVED))).get(0);
        assertThat(received.recipient().id()).isEqualTo("cd-001");
        assertThat(received.channels()).containsExactlyInAnyOrder(Channel.IN_APP, Channel.EMAIL, Channel.SMS);
        assertThat(received.fields().get("dueDate")).isEqualTo("09:30 24/11/2026");
        assertThat(received.dossierId()).isEqualTo("d-1");

        Notice draft = rules.noticesFor(event(DossierEvents.DRAFT_CREATED, samples(AN).get(DossierEvents.DRAFT_CREATED))).get(0);
        assertThat(draft.channels()).containsExactly(Channel.IN_APP);

        Notice step = rules.noticesFor(event(DossierEvents.STEP_CHANGED, samples(AN).get(DossierEvents.STEP_CHANGED))).get(0);
        assertThat(step.recipient().kind()).isEqualTo(Recipient.Kind.OFFICER);
        assertThat(step.recipient().id()).isEqualTo("cb-002");

        Notice overdue = rules.noticesFor(event(DossierEvents.OVERDUE, samples(AN).get(DossierEvents.OVERDUE))).get(0);
        assertThat(overdue.recipient().kind()).isEqualTo(Recipient.Kind.AGENCY_MAILBOX);
        assertThat(overdue.recipient().email()).isEqualTo("mot-cua.badinh@hanoi.gov.vn");
        assertThat(new NotificationRules(Map.of()).noticesFor(event(DossierEvents.OVERDUE, samples(AN).get(DossierEvents.OVERDUE))))
                .as("no mailbox configured: no agency alert").isEmpty();

        Notice paidVi = rules.noticesFor(event(PaymentEvents.SUCCEEDED, samples(AN).get(PaymentEvents.SUCCEEDED))).get(0);
        Notice paidEn = rules.noticesFor(event(PaymentEvents.SUCCEEDED, samples(AN_EN).get(PaymentEvents.SUCCEEDED))).get(0);
        assertThat(paidVi.fields().get("amount")).isEqualTo("200.000 đ");
        assertThat(paidEn.fields().get("amount")).isEqualTo("200,000 VND");
        assertThat(paidEn.recipient().language()).isEqualTo("en");

        Notice status = rules.noticesFor(event(DeliveryEvents.STATUS_CHANGED, samples(AN).get(DeliveryEvents.STATUS_CHANGED))).get(0);
        assertThat(status.fields().get("deliveryStatus")).isEqualTo("đang giao");

        assertThat(rules.noticesFor(event(DossierEvents.PAYMENT_CONFIRMED, samples(AN).get(DossierEvents.PAYMENT_CONFIRMED))))
                .as("the payer is told by payment.succeeded already").isEmpty();
        assertThat(rules.noticesFor(event(AppointmentEvents.SUSPENSION_ENDED, new AppointmentEvents.SuspensionEnded("s-1", T)))).isEmpty();
        assertThat(rules.noticesFor(event("vn.motcua.dossier.unknown.v9", Map.of("x", 1)))).isEmpty();
    }
}
