package vn.motcua.appointment.support;

import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.testing.KafkaResource;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Plays dossier-service: dossier events produced for real to {@code dossier.events} (key = dossier id), and the wait
 * until this service's consumer has handled them. A booking can name only a dossier this service has been told
 * about, so every test that links one starts here.
 */
public final class DossierFeed {

    public static final String GROUP = "appointment-service";
    public static final String DOSSIER_CODE = "000.00.12.H29-261123-0042";

    private DossierFeed() {
    }

    /** The dossier as an event of dossier-service carries it, filed by {@code applicantId}. */
    public static DossierEvents.DossierRef ref(String dossierId, String applicantId, String status, int portalStatus) {
        return new DossierEvents.DossierRef(dossierId, DOSSIER_CODE, Fixtures.PROCEDURE, "Đăng ký khai sinh",
                Fixtures.AGENCY, "UBND phường Ba Đình", new Applicant(applicantId, "Nguyễn Văn An",
                "an.nguyen@example.vn", "0912345678", "vi"), "ONLINE", "COUNTER", status, portalStatus, null, null);
    }

    public static CloudEvent draftCreated(String dossierId, String applicantId) {
        return event(DossierEvents.DRAFT_CREATED, dossierId, Clock.system(CloudEventCodec.ZONE),
                new DossierEvents.DraftCreated(ref(dossierId, applicantId, "DRAFT", 0), OffsetDateTime.now()));
    }

    /** An event of the given type and time (the envelope's {@code time}, which orders a dossier's events). */
    public static CloudEvent event(String type, String dossierId, Clock clock, Object payload) {
        return CloudEventCodec.create("/dossier-service", type, dossierId, payload, clock);
    }

    public static void produce(CloudEvent event) {
        KafkaResource.send(Topics.DOSSIER, event.subject(), CloudEventCodec.write(event));
    }

    /** Returns once everything produced to dossier.events so far has been handled (or dead-lettered). */
    public static void awaitConsumed() {
        EventLog.awaitConsumed(GROUP, Topics.DOSSIER);
    }

    /** A new draft dossier of this citizen that the service knows about (draft-created produced and handled). */
    public static String knownDossierOf(String citizenId) {
        String dossierId = UUID.randomUUID().toString();
        produce(draftCreated(dossierId, citizenId));
        awaitConsumed();
        return dossierId;
    }
}
