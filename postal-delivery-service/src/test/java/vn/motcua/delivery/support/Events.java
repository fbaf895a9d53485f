package vn.motcua.delivery.support;

import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.contracts.common.PostalAddress;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.testing.KafkaResource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Other services' events, produced to the real topics as those services would. */
public final class Events {

    public static final String BA_DINH = "000.00.12.H29";
    private Events() {
    }

    public record Dossier(String id, String code, String agencyCode, Applicant applicant) {
        public static Dossier of(String agencyCode, String citizen) {
            String code = agencyCode + "-261123-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
            return new Dossier(UUID.randomUUID().toString(), code, agencyCode,
                    new Applicant(citizen, "Nguyễn Văn An", "an.nguyen@example.vn", "0912345678", "vi"));
        }

        DossierEvents.DossierRef ref(String channel, String returnMethod, String status, int portalStatus) {
            return new DossierEvents.DossierRef(id, code, "1.001193", "Đăng ký khai sinh", agencyCode, "UBND phường Ba Đình",
                    applicant, channel, returnMethod, status, portalStatus, null, null);
        }
    }

    public static PostalAddress address(String provinceCode, String communeCode) {
        return new PostalAddress("Nguyễn Văn An", "0912345678", "Số 12 phố Đội Cấn", communeCode, "Phường Ngọc Hà", null,
                provinceCode, "Thành phố Hà Nội");
    }

    public static CloudEvent resolvedForPost(Dossier dossier, String channel, PostalAddress to) {
        CloudEvent event = CloudEventCodec.create("/dossier-service", DossierEvents.RESOLVED, dossier.id(),
                new DossierEvents.Resolved(dossier.ref(channel, "POST", "RESULT_READY", 9), "Giấy khai sinh bản chính",
                        "POST", to, OffsetDateTime.now(CloudEventCodec.ZONE), "cb-001"));
        send(Topics.DOSSIER, dossier.id(), event);
        return event;
    }

    public static CloudEvent submittedByPost(Dossier dossier, PostalAddress pickup) {
        CloudEvent event = CloudEventCodec.create("/dossier-service", DossierEvents.SUBMITTED, dossier.id(),
                new DossierEvents.Submitted(dossier.ref("POSTAL", "COUNTER", "SUBMITTED", 1),
                        OffsetDateTime.now(CloudEventCodec.ZONE), false, pickup));
        send(Topics.DOSSIER, dossier.id(), event);
        return event;
    }

    public static CloudEvent withdrawn(Dossier dossier, String reason) {
        CloudEvent event = CloudEventCodec.create("/dossier-service", DossierEvents.WITHDRAWN, dossier.id(),
                new DossierEvents.Withdrawn(dossier.ref("POSTAL", "COUNTER", "WITHDRAWN", 7), reason,
                        OffsetDateTime.now(CloudEventCodec.ZONE)));
        send(Topics.DOSSIER, dossier.id(), event);
        return event;
    }

    public static CloudEvent postalFeePaid(Dossier dossier, long postalFee) {
        return postalFeePaid(dossier, postalFee, PaymentEvents.KIND_DOSSIER_FEE, 200_000 + postalFee);
    }

    /** A payment.succeeded naming the postal line, of an obligation of {@code kind}, paying {@code paidVnd}. */
    public static CloudEvent postalFeePaid(Dossier dossier, long postalFee, String kind, long paidVnd) {
        PaymentEvents.PaymentRef payment = new PaymentEvents.PaymentRef(UUID.randomUUID().toString(), dossier.id(),
                dossier.code(), dossier.agencyCode(), "Cấp Phiếu lý lịch tư pháp", dossier.applicant(), paidVnd,
                List.of(new FeeLine("LLTP", "Phí cấp phiếu lý lịch tư pháp", 200_000),
                        new FeeLine("POSTAL_RETURN", "Cước trả kết quả qua bưu chính", postalFee)), "SUCCEEDED",
                UUID.randomUUID().toString(), kind, 200_000 + postalFee);
        CloudEvent event = CloudEventCodec.create("/payment-service", PaymentEvents.SUCCEEDED, dossier.id(),
                new PaymentEvents.Succeeded(payment, "SANDBOX", "tx-" + UUID.randomUUID(), "BL-1",
                        OffsetDateTime.now(CloudEventCodec.ZONE)));
        send(Topics.PAYMENT, dossier.id(), event);
        return event;
    }

    public static synchronized void send(String topic, String key, CloudEvent event) {
        send(topic, key, CloudEventCodec.write(event));
    }

    public static void send(String topic, String key, byte[] value) {
        KafkaResource.send(topic, key, value);
    }
}
