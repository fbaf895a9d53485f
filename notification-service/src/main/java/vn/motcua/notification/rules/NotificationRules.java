package vn.motcua.notification.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.appointment.AppointmentEvents;
import vn.motcua.contracts.appointment.AppointmentEvents.BookingRef;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.delivery.DeliveryEvents;
import vn.motcua.contracts.delivery.DeliveryEvents.DeliveryRef;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.dossier.DossierEvents.DossierRef;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.Topics;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.contracts.payment.PaymentEvents.PaymentRef;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.notification.message.Channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import static vn.motcua.contracts.events.CloudEventCodec.dataAs;
import static vn.motcua.notification.message.Channel.EMAIL;
import static vn.motcua.notification.message.Channel.IN_APP;
import static vn.motcua.notification.message.Channel.SMS;

/**
 * Which event produces which notice, to whom, on which channels. Every template code lists the personalisation
 * fields its text may use ({@link #templates()}): the template editor refuses any other field, and the rule fills
 * exactly those fields (a unit test holds the two together).
 *
 * <p>Citizens get their own dossiers', payments', bookings' and deliveries' news; the officer a processing step is
 * assigned to gets an in-app notice; an agency mailbox (configured per agency) gets overdue and postal SLA alerts.
 * Mandatory notices (refusal, payment confirmation, a booking cancelled by an intake suspension) always reach the
 * inbox whatever the citizen's preferences.
 */
@ApplicationScoped
public class NotificationRules {

    public static final Set<String> TOPICS = Set.of(Topics.DOSSIER, Topics.PAYMENT, Topics.APPOINTMENT, Topics.DELIVERY);

    /** A template code with the event it serves, its category and the fields its text may use. */
    public record TemplateSpec(String code, String eventType, Category category, Set<String> fields) {
    }

    private static final List<String> DOSSIER_BASE = List.of("name", "dossierCode", "procedureName", "agencyName");
    private static final List<String> PAYMENT_BASE = List.of("name", "dossierCode", "procedureName", "amount");
    private static final List<String> BOOKING_BASE = List.of("name", "bookingCode", "procedureName", "servicePointName",
            "servicePointAddress", "bookingTime");
    private static final List<String> DELIVERY_BASE = List.of("name", "dossierCode");

    private static final Map<String, TemplateSpec> TEMPLATES = new LinkedHashMap<>();

    static {
        spec("dossier.draft-created", DossierEvents.DRAFT_CREATED, Category.DOSSIER, DOSSIER_BASE);
        spec("dossier.submitted", DossierEvents.SUBMITTED, Category.DOSSIER, DOSSIER_BASE, "submittedAt");
        spec("dossier.payment-required", DossierEvents.PAYMENT_REQUIRED, Category.DOSSIER, DOSSIER_BASE, "amount");
        spec("dossier.received", DossierEvents.RECEIVED, Category.DOSSIER, DOSSIER_BASE, "receiptNumber", "dueDate");
        spec("dossier.supplement-requested", DossierEvents.SUPPLEMENT_REQUESTED, Category.DOSSIER, DOSSIER_BASE, "reason", "missingItems");
        spec("dossier.supplement-submitted", DossierEvents.SUPPLEMENT_SUBMITTED, Category.DOSSIER, DOSSIER_BASE);
        spec("dossier.refused", DossierEvents.REFUSED, Category.DOSSIER, DOSSIER_BASE, "reason");
        spec("dossier.step-assigned", DossierEvents.STEP_CHANGED, Category.AGENCY,
                List.of("dossierCode", "procedureName", "stepName", "stepDueDate"));
        spec("dossier.resolved", DossierEvents.RESOLVED, Category.DOSSIER, DOSSIER_BASE, "resultSummary");
        spec("dossier.returned", DossierEvents.RETURNED, Category.DOSSIER, DOSSIER_BASE);
        spec("dossier.withdrawn", DossierEvents.WITHDRAWN, Category.DOSSIER, DOSSIER_BASE, "reason");
        spec("dossier.stopped", DossierEvents.STOPPED, Category.DOSSIER, DOSSIER_BASE, "reason");
        spec("dossier.overdue-agency", DossierEvents.OVERDUE, Category.AGENCY,
                List.of("dossierCode", "procedureName", "agencyName", "dueDate"));
        spec("dossier.withdrawal-requested", DossierEvents.WITHDRAWAL_REQUESTED, Category.DOSSIER, DOSSIER_BASE, "reason");
        spec("dossier.reopened", DossierEvents.REOPENED, Category.DOSSIER, DOSSIER_BASE, "reason");
        spec("dossier.due-date-extended", DossierEvents.DUE_DATE_EXTENDED, Category.DOSSIER, DOSSIER_BASE,
                "previousDueDate", "newDueDate", "reason");

        spec("payment.requested", PaymentEvents.REQUESTED, Category.PAYMENT, PAYMENT_BASE, "expiresAt");
        spec("payment.succeeded", PaymentEvents.SUCCEEDED, Category.PAYMENT, PAYMENT_BASE, "receiptNumber", "paidAt");
        spec("payment.failed", PaymentEvents.FAILED, Category.PAYMENT, PAYMENT_BASE, "reason");
        spec("payment.expired", PaymentEvents.EXPIRED, Category.PAYMENT, PAYMENT_BASE);
        spec("payment.refunded", PaymentEvents.REFUNDED, Category.PAYMENT, PAYMENT_BASE, "refundAmount", "reason");

        spec("appointment.booking-created", AppointmentEvents.BOOKING_CREATED, Category.APPOINTMENT, BOOKING_BASE);
        spec("appointment.booking-cancelled", AppointmentEvents.BOOKING_CANCELLED, Category.APPOINTMENT, BOOKING_BASE, "reason");
        spec("appointment.booking-cancelled-suspension", AppointmentEvents.BOOKING_CANCELLED, Category.APPOINTMENT,
                BOOKING_BASE, "reason");
        spec("appointment.booking-rescheduled", AppointmentEvents.BOOKING_RESCHEDULED, Category.APPOINTMENT, BOOKING_BASE,
                "previousBookingTime");
        spec("appointment.booking-checked-in", AppointmentEvents.BOOKING_CHECKED_IN, Category.APPOINTMENT, BOOKING_BASE, "queueNumber");
        spec("appointment.booking-no-show", AppointmentEvents.BOOKING_NO_SHOW, Category.APPOINTMENT, BOOKING_BASE);
        spec("appointment.booking-served", AppointmentEvents.BOOKING_SERVED, Category.APPOINTMENT, BOOKING_BASE);
        spec("appointment.reminder-due", AppointmentEvents.REMINDER_DUE, Category.APPOINTMENT, BOOKING_BASE, "hoursBefore");
        spec("appointment.exception-approved", AppointmentEvents.EXCEPTION_APPROVED, Category.APPOINTMENT,
                List.of("name", "reason"));
        spec("appointment.exception-rejected", AppointmentEvents.EXCEPTION_REJECTED, Category.APPOINTMENT,
                List.of("name", "reason", "decisionNote"));

        spec("delivery.requested", DeliveryEvents.REQUESTED, Category.DELIVERY, DELIVERY_BASE);
        spec("delivery.dispatched", DeliveryEvents.DISPATCHED, Category.DELIVERY, DELIVERY_BASE, "trackingNumber", "operator");
        spec("delivery.status-changed", DeliveryEvents.STATUS_CHANGED, Category.DELIVERY, DELIVERY_BASE, "trackingNumber",
                "deliveryStatus");
        spec("delivery.delivered", DeliveryEvents.DELIVERED, Category.DELIVERY, DELIVERY_BASE, "trackingNumber",
                "receiverName", "deliveredAt");
        spec("delivery.failed", DeliveryEvents.FAILED, Category.DELIVERY, DELIVERY_BASE, "trackingNumber", "reason", "attempt");
        spec("delivery.returned", DeliveryEvents.RETURNED, Category.DELIVERY, DELIVERY_BASE, "trackingNumber", "reason");
        spec("delivery.sla-breached-agency", DeliveryEvents.SLA_BREACHED, Category.AGENCY,
                List.of("dossierCode", "trackingNumber", "breach", "since"));
    }

    private static void spec(String code, String eventType, Category category, List<String> base, String... extra) {
        Set<String> fields = new LinkedHashSet<>(base);
        fields.addAll(List.of(extra));
        TEMPLATES.put(code, new TemplateSpec(code, eventType, category, Collections.unmodifiableSet(fields)));
    }

    public static Map<String, TemplateSpec> templates() {
        return Collections.unmodifiableMap(TEMPLATES);
    }

    public static Optional<TemplateSpec> template(String code) {
        return Optional.ofNullable(TEMPLATES.get(code));
    }

    /** Every event type some rule acts on. */
    public static Set<String> eventTypes() {
        Set<String> types = new LinkedHashSet<>();
        TEMPLATES.values().forEach(spec -> types.add(spec.eventType()));
        return types;
    }

    private final Map<String, String> agencyMailboxes;

    @Inject
    public NotificationRules(NotificationConfig config) {
        this(config.agencyMailboxes());
    }

    public NotificationRules(Map<String, String> agencyMailboxes) {
        this.agencyMailboxes = Map.copyOf(agencyMailboxes);
    }

    /** The notices one event produces; none for types no rule knows (consumers ignore unknown types). */
    public List<Notice> noticesFor(CloudEvent event) {
        List<Notice> notices = new ArrayList<>();
        switch (event.type()) {
            case DossierEvents.DRAFT_CREATED -> {
                var e = dataAs(event, DossierEvents.DraftCreated.class);
                notices.add(toApplicant("dossier.draft-created", e.dossier(), EnumSet.of(IN_APP), (l, f) -> f));
            }
            case DossierEvents.SUBMITTED -> {
                var e = dataAs(event, DossierEvents.Submitted.class);
                notices.add(toApplicant("dossier.submitted", e.dossier(), EnumSet.of(IN_APP, EMAIL),
                        (l, f) -> put(f, "submittedAt", Formats.time(e.submittedAt()))));
            }
            case DossierEvents.PAYMENT_REQUIRED -> {
                var e = dataAs(event, DossierEvents.PaymentRequired.class);
                notices.add(toApplicant("dossier.payment-required", e.dossier(), EnumSet.of(IN_APP, EMAIL, SMS),
                        (l, f) -> put(f, "amount", Formats.money(e.totalVnd(), l))));
            }
            case DossierEvents.RECEIVED -> {
                var e = dataAs(event, DossierEvents.Received.class);
                notices.add(toApplicant("dossier.received", e.dossier(), EnumSet.of(IN_APP, EMAIL, SMS),
                        (l, f) -> put(put(f, "receiptNumber", e.receiptNumber()), "dueDate", Formats.time(e.dueAt()))));
            }
            case DossierEvents.SUPPLEMENT_REQUESTED -> {
                var e = dataAs(event, DossierEvents.SupplementRequested.class);
                notices.add(toApplicant("dossier.supplement-requested", e.dossier(), EnumSet.of(IN_APP, EMAIL, SMS),
                        (l, f) -> put(put(f, "reason", e.reason()), "missingItems",
                                e.missingItems() == null || e.missingItems().isEmpty() ? dash() : String.join("; ", e.missingItems()))));
            }
            case DossierEvents.SUPPLEMENT_SUBMITTED -> {
                var e = dataAs(event, DossierEvents.SupplementSubmitted.class);
                notices.add(toApplicant("dossier.supplement-submitted", e.dossier(), EnumSet.of(IN_APP), (l, f) -> f));
            }
            case DossierEvents.REFUSED -> {
                var e = dataAs(event, DossierEvents.Refused.class);
                notices.add(mandatory(toApplicant("dossier.refused", e.dossier(), EnumSet.of(IN_APP, EMAIL, SMS),
                        (l, f) -> put(f, "reason", e.reason()))));
            }
            case DossierEvents.STEP_CHANGED -> {
                var e = dataAs(event, DossierEvents.StepChanged.class);
                if (e.assigneeId() != null && !e.assigneeId().isBlank()) {
                    Map<String, String> f = new LinkedHashMap<>();
                    put(f, "dossierCode", e.dossier().dossierCode());
                    put(f, "procedureName", e.dossier().procedureName());
                    put(f, "stepName", e.stepName());
                    put(f, "stepDueDate", e.stepDueAt() == null ? dash() : Formats.time(e.stepDueAt()));
                    notices.add(new Notice("dossier.step-assigned", Category.AGENCY, false, EnumSet.of(IN_APP),
                            Recipient.officer(e.assigneeId()), e.dossier().dossierId(), f));
                }
            }
            case DossierEvents.RESOLVED -> {
                var e = dataAs(event, DossierEvents.Resolved.class);
                notices.add(toApplicant("dossier.resolved", e.dossier(), EnumSet.of(IN_APP, EMAIL, SMS),
                        (l, f) -> put(f, "resultSummary", orDash(e.resultSummary()))));
            }
            case DossierEvents.RETURNED -> {
                var e = dataAs(event, DossierEvents.Returned.class);
                notices.add(toApplicant("dossier.returned", e.dossier(), EnumSet.of(IN_APP, EMAIL), (l, f) -> f));
            }
            case DossierEvents.WITHDRAWN -> {
                var e = dataAs(event, DossierEvents.Withdrawn.class);
                notices.add(toApplicant("dossier.withdrawn", e.dossier(), EnumSet.of(IN_APP, EMAIL),
                        (l, f) -> put(f, "reason", orDash(e.reason()))));
            }
            case DossierEvents.STOPPED -> {
                var e = dataAs(event, DossierEvents.Stopped.class);
                notices.add(toApplicant("dossier.stopped", e.dossier(), EnumSet.of(IN_APP, EMAIL, SMS),
                        (l, f) -> put(f, "reason", e.reason())));
            }
            case DossierEvents.OVERDUE -> {
                var e = dataAs(event, DossierEvents.Overdue.class);
                String mailbox = agencyMailboxes.get(e.dossier().agencyCode());
                if (mailbox != null) {
                    Map<String, String> f = new LinkedHashMap<>();
                    put(f, "dossierCode", e.dossier().dossierCode());
                    put(f, "procedureName", e.dossier().procedureName());
                    put(f, "agencyName", e.dossier().agencyName());
                    put(f, "dueDate", Formats.time(e.dueAt()));
                    notices.add(new Notice("dossier.overdue-agency", Category.AGENCY, false, EnumSet.of(EMAIL),
                            Recipient.agencyMailbox(e.dossier().agencyCode(), mailbox), e.dossier().dossierId(), f));
                }
            }
            case DossierEvents.DUE_DATE_EXTENDED -> {
                var e = dataAs(event, DossierEvents.DueDateExtended.class);
                notices.add(toApplicant("dossier.due-date-extended", e.dossier(), EnumSet.of(IN_APP, EMAIL, SMS),
                        (l, f) -> put(put(put(f, "previousDueDate", Formats.time(e.previousDueAt())),
                                "newDueDate", Formats.time(e.newDueAt())), "reason", e.reason())));
            }

            case DossierEvents.WITHDRAWAL_REQUESTED -> {
                var e = dataAs(event, DossierEvents.WithdrawalRequested.class);
                notices.add(toApplicant("dossier.withdrawal-requested", e.dossier(), EnumSet.of(IN_APP, EMAIL),
                        (l, f) -> put(f, "reason", orDash(e.reason()))));
            }
            case DossierEvents.REOPENED -> {
                var e = dataAs(event, DossierEvents.Reopened.class);
                notices.add(toApplicant("dossier.reopened", e.dossier(), EnumSet.of(IN_APP, EMAIL),
                        (l, f) -> put(f, "reason", orDash(e.reason()))));
            }
            // PAYMENT_CONFIRMED: the payer already got payment-service's (mandatory) payment.succeeded notice

            case PaymentEvents.REQUESTED -> {
                var e = dataAs(event, PaymentEvents.Requested.class);
                notices.add(toPayer("payment.requested", e.payment(), EnumSet.of(IN_APP, EMAIL), false,
                        (l, f) -> put(f, "expiresAt", Formats.time(e.expiresAt()))));
            }
            case PaymentEvents.SUCCEEDED -> {
                var e = dataAs(event, PaymentEvents.Succeeded.class);
                notices.add(toPayer("payment.succeeded", e.payment(), EnumSet.of(IN_APP, EMAIL, SMS), true,
                        (l, f) -> put(put(f, "receiptNumber", orDash(e.receiptNumber())), "paidAt", Formats.time(e.paidAt()))));
            }
            case PaymentEvents.FAILED -> {
                var e = dataAs(event, PaymentEvents.Failed.class);
                notices.add(toPayer("payment.failed", e.payment(), EnumSet.of(IN_APP, EMAIL), false,
                        (l, f) -> put(f, "reason", orDash(e.reason()))));
            }
            case PaymentEvents.EXPIRED -> {
                var e = dataAs(event, PaymentEvents.Expired.class);
                notices.add(toPayer("payment.expired", e.payment(), EnumSet.of(IN_APP, EMAIL), false, (l, f) -> f));
            }
            case PaymentEvents.REFUNDED -> {
                var e = dataAs(event, PaymentEvents.Refunded.class);
                notices.add(toPayer("payment.refunded", e.payment(), EnumSet.of(IN_APP, EMAIL), false,
                        (l, f) -> put(put(f, "refundAmount", Formats.money(e.refundedVnd(), l)), "reason", orDash(e.reason()))));
            }

            case AppointmentEvents.BOOKING_CREATED -> {
                var e = dataAs(event, AppointmentEvents.BookingCreated.class);
                notices.add(toCitizen("appointment.booking-created", e.booking(), EnumSet.of(IN_APP, EMAIL), false, (l, f) -> f));
            }
            case AppointmentEvents.BOOKING_CANCELLED -> {
                var e = dataAs(event, AppointmentEvents.BookingCancelled.class);
                boolean bySuspension = e.suspensionId() != null && !e.suspensionId().isBlank();
                notices.add(toCitizen(bySuspension ? "appointment.booking-cancelled-suspension" : "appointment.booking-cancelled",
                        e.booking(), bySuspension ? EnumSet.of(IN_APP, EMAIL, SMS) : EnumSet.of(IN_APP, EMAIL), bySuspension,
                        (l, f) -> put(f, "reason", orDash(e.reason()))));
            }
            case AppointmentEvents.BOOKING_RESCHEDULED -> {
                var e = dataAs(event, AppointmentEvents.BookingRescheduled.class);
                notices.add(toCitizen("appointment.booking-rescheduled", e.booking(), EnumSet.of(IN_APP, EMAIL, SMS), false,
                        (l, f) -> put(f, "previousBookingTime", Formats.time(e.previousSlotStart()))));
            }
            case AppointmentEvents.BOOKING_CHECKED_IN -> {
                var e = dataAs(event, AppointmentEvents.BookingCheckedIn.class);
                notices.add(toCitizen("appointment.booking-checked-in", e.booking(), EnumSet.of(IN_APP), false,
                        (l, f) -> put(f, "queueNumber", e.queueNumber())));
            }
            case AppointmentEvents.BOOKING_NO_SHOW -> {
                var e = dataAs(event, AppointmentEvents.BookingNoShow.class);
                notices.add(toCitizen("appointment.booking-no-show", e.booking(), EnumSet.of(IN_APP, EMAIL), false, (l, f) -> f));
            }
            case AppointmentEvents.BOOKING_SERVED -> {
                var e = dataAs(event, AppointmentEvents.BookingServed.class);
                notices.add(toCitizen("appointment.booking-served", e.booking(), EnumSet.of(IN_APP), false, (l, f) -> f));
            }
            case AppointmentEvents.REMINDER_DUE -> {
                var e = dataAs(event, AppointmentEvents.ReminderDue.class);
                notices.add(toCitizen("appointment.reminder-due", e.booking(), EnumSet.of(IN_APP, EMAIL, SMS), false,
                        (l, f) -> put(f, "hoursBefore", Integer.toString(e.hoursBefore()))));
            }
            case AppointmentEvents.EXCEPTION_APPROVED -> {
                var e = dataAs(event, AppointmentEvents.ExceptionApproved.class);
                notices.add(simple("appointment.exception-approved", Category.APPOINTMENT, e.citizen(), null,
                        EnumSet.of(IN_APP, EMAIL, SMS), (l, f) -> put(f, "reason", orDash(e.reason()))));
            }
            case AppointmentEvents.EXCEPTION_REJECTED -> {
                var e = dataAs(event, AppointmentEvents.ExceptionRejected.class);
                notices.add(simple("appointment.exception-rejected", Category.APPOINTMENT, e.citizen(), null,
                        EnumSet.of(IN_APP, EMAIL), (l, f) -> put(put(f, "reason", orDash(e.reason())),
                                "decisionNote", orDash(e.decisionNote()))));
            }

            case DeliveryEvents.REQUESTED -> {
                var e = dataAs(event, DeliveryEvents.Requested.class);
                notices.add(toAddressee("delivery.requested", e.order(), EnumSet.of(IN_APP), (l, f) -> f));
            }
            case DeliveryEvents.DISPATCHED -> {
                var e = dataAs(event, DeliveryEvents.Dispatched.class);
                notices.add(toAddressee("delivery.dispatched", e.order(), EnumSet.of(IN_APP, EMAIL),
                        (l, f) -> put(tracking(f, e.order()), "operator", orDash(e.order().operatorCode()))));
            }
            case DeliveryEvents.STATUS_CHANGED -> {
                var e = dataAs(event, DeliveryEvents.StatusChanged.class);
                notices.add(toAddressee("delivery.status-changed", e.order(), EnumSet.of(IN_APP),
                        (l, f) -> put(tracking(f, e.order()), "deliveryStatus", DeliveryStatusNames.of(e.order().status(), l))));
            }
            case DeliveryEvents.DELIVERED -> {
                var e = dataAs(event, DeliveryEvents.Delivered.class);
                notices.add(toAddressee("delivery.delivered", e.order(), EnumSet.of(IN_APP, EMAIL, SMS),
                        (l, f) -> put(put(tracking(f, e.order()), "receiverName", orDash(e.receiverName())),
                                "deliveredAt", Formats.time(e.deliveredAt()))));
            }
            case DeliveryEvents.FAILED -> {
                var e = dataAs(event, DeliveryEvents.Failed.class);
                notices.add(toAddressee("delivery.failed", e.order(), EnumSet.of(IN_APP, EMAIL, SMS),
                        (l, f) -> put(put(tracking(f, e.order()), "reason", orDash(e.reason())), "attempt",
                                Integer.toString(e.attempt()))));
            }
            case DeliveryEvents.RETURNED -> {
                var e = dataAs(event, DeliveryEvents.Returned.class);
                notices.add(toAddressee("delivery.returned", e.order(), EnumSet.of(IN_APP, EMAIL),
                        (l, f) -> put(tracking(f, e.order()), "reason", orDash(e.reason()))));
            }
            case DeliveryEvents.SLA_BREACHED -> {
                var e = dataAs(event, DeliveryEvents.SlaBreached.class);
                String mailbox = agencyMailboxes.get(e.order().agencyCode());
                if (mailbox != null) {
                    Map<String, String> f = new LinkedHashMap<>();
                    put(f, "dossierCode", orDash(e.order().dossierCode()));
                    put(f, "trackingNumber", orDash(e.order().trackingNumber()));
                    put(f, "breach", e.breach());
                    put(f, "since", Formats.time(e.since()));
                    notices.add(new Notice("delivery.sla-breached-agency", Category.AGENCY, false, EnumSet.of(EMAIL),
                            Recipient.agencyMailbox(e.order().agencyCode(), mailbox), e.order().dossierId(), f));
                }
            }
            default -> {
                // SUSPENSION_STARTED/ENDED and unknown types: no person to notify (webhooks still see them)
            }
        }
        notices.removeIf(notice -> notice == null);
        return notices;
    }

    private Notice toApplicant(String code, DossierRef dossier, Set<Channel> channels,
                               BiFunction<String, Map<String, String>, Map<String, String>> extra) {
        if (dossier.applicant() == null || dossier.applicant().id() == null || dossier.applicant().id().isBlank()) {
            return null;
        }
        Recipient recipient = Recipient.citizen(dossier.applicant());
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "name", orDash(dossier.applicant().fullName()));
        put(f, "dossierCode", orDash(dossier.dossierCode()));
        put(f, "procedureName", orDash(dossier.procedureName()));
        put(f, "agencyName", orDash(dossier.agencyName()));
        extra.apply(recipient.language(), f);
        return new Notice(code, TEMPLATES.get(code).category(), false, channels, recipient, dossier.dossierId(), f);
    }

    private Notice toPayer(String code, PaymentRef payment, Set<Channel> channels, boolean mandatory,
                           BiFunction<String, Map<String, String>, Map<String, String>> extra) {
        if (payment.payer() == null || payment.payer().id() == null || payment.payer().id().isBlank()) {
            return null;
        }
        Recipient recipient = Recipient.citizen(payment.payer());
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "name", orDash(payment.payer().fullName()));
        put(f, "dossierCode", payment.dossierCode() != null ? payment.dossierCode() : payment.paymentId());
        put(f, "procedureName", orDash(payment.procedureName()));
        put(f, "amount", Formats.money(payment.amountVnd(), recipient.language()));
        extra.apply(recipient.language(), f);
        return new Notice(code, Category.PAYMENT, mandatory, channels, recipient, payment.dossierId(), f);
    }

    private Notice toCitizen(String code, BookingRef booking, Set<Channel> channels, boolean mandatory,
                             BiFunction<String, Map<String, String>, Map<String, String>> extra) {
        if (booking.citizen() == null || booking.citizen().id() == null || booking.citizen().id().isBlank()) {
            return null;
        }
        Recipient recipient = Recipient.citizen(booking.citizen());
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "name", orDash(booking.citizen().fullName()));
        put(f, "bookingCode", orDash(booking.bookingCode()));
        put(f, "procedureName", orDash(booking.procedureName()));
        put(f, "servicePointName", orDash(booking.servicePointName()));
        put(f, "servicePointAddress", orDash(booking.servicePointAddress()));
        put(f, "bookingTime", booking.slotStart() == null ? dash() : Formats.time(booking.slotStart()));
        extra.apply(recipient.language(), f);
        return new Notice(code, Category.APPOINTMENT, mandatory, channels, recipient, booking.dossierId(), f);
    }

    private Notice toAddressee(String code, DeliveryRef order, Set<Channel> channels,
                               BiFunction<String, Map<String, String>, Map<String, String>> extra) {
        if (order.applicant() == null || order.applicant().id() == null || order.applicant().id().isBlank()) {
            return null;
        }
        Recipient recipient = Recipient.citizen(order.applicant());
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "name", orDash(order.applicant().fullName()));
        put(f, "dossierCode", orDash(order.dossierCode()));
        extra.apply(recipient.language(), f);
        return new Notice(code, Category.DELIVERY, false, channels, recipient, order.dossierId(), f);
    }

    private Notice simple(String code, Category category, Applicant citizen, String dossierId, Set<Channel> channels,
                          BiFunction<String, Map<String, String>, Map<String, String>> extra) {
        if (citizen == null || citizen.id() == null || citizen.id().isBlank()) {
            return null;
        }
        Recipient recipient = Recipient.citizen(citizen);
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "name", orDash(citizen.fullName()));
        extra.apply(recipient.language(), f);
        return new Notice(code, category, false, channels, recipient, dossierId, f);
    }

    private static Notice mandatory(Notice notice) {
        return notice == null ? null : new Notice(notice.templateCode(), notice.category(), true, notice.channels(),
                notice.recipient(), notice.dossierId(), notice.fields());
    }

    private static Map<String, String> tracking(Map<String, String> f, DeliveryRef order) {
        return put(f, "trackingNumber", orDash(order.trackingNumber()));
    }

    /** A missing value is left out, so that rendering refuses the template instead of sending a blank. */
    private static Map<String, String> put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
        return fields;
    }

    /** For values the contract allows to be absent: shown as a dash rather than failing the notice. */
    private static String orDash(String value) {
        return value == null || value.isBlank() ? dash() : value;
    }

    private static String dash() {
        return "—";
    }
}
