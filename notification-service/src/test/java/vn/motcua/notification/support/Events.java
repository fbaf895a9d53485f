package vn.motcua.notification.support;

import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.testing.KafkaResource;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Produces real CloudEvents to the real broker, as the other services would, and builds demo payloads. */
public final class Events {

    private Events() {
    }

    public static CloudEvent send(String topic, String key, String type, Object payload) {
        CloudEvent event = CloudEventCodec.create("/test-" + topic.replace(".events", "") + "-service", type, key, payload);
        send(topic, key, event);
        return event;
    }

    public static void send(String topic, String key, CloudEvent event) {
        sendRaw(topic, key, CloudEventCodec.write(event));
    }

    public static void sendRaw(String topic, String key, byte[] value) {
        KafkaResource.send(topic, key, value);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Applicant citizen(String id) {
        return new Applicant(id, "Nguyễn Văn An", "an.nguyen+" + id + "@example.vn", "0912345678", "vi");
    }

    public static Applicant citizen(String id, String email, String phone, String language) {
        return new Applicant(id, "Nguyễn Văn An", email, phone, language);
    }

    public static DossierEvents.DossierRef dossier(String dossierId, Applicant applicant, String status, int portalStatus) {
        return new DossierEvents.DossierRef(dossierId, "000.00.12.H29-261123-" + dossierId.substring(dossierId.length() - 4),
                "1.001193", "Đăng ký khai sinh", "000.00.12.H29", "UBND phường Ba Đình", applicant, "ONLINE", "COUNTER",
                status, portalStatus, OffsetDateTime.parse("2026-11-24T17:00:00+07:00"), null);
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(CloudEventCodec.ZONE);
    }
}
