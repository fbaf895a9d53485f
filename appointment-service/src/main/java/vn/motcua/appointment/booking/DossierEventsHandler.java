package vn.motcua.appointment.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.messaging.inbox.EventHandler;
import vn.motcua.messaging.inbox.PoisonEventException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every dossier event updates this service's copy of the dossier ({@link KnownDossiers}: applicant and status), so
 * that a booking can be linked only to the citizen's own dossier that has not ended. REFUSED, WITHDRAWN (withdrawal
 * approved) and STOPPED also mean the dossier ended without needing the in-person visit, so the active bookings
 * linked to it are cancelled with a reason the citizen can read, their seats go back to the slot, and
 * booking-cancelled (through the outbox) lets notification-service tell the citizen.
 *
 * <p>One handler for both, not a second one for the copy: the copy is updated and the bookings are cancelled in the
 * same transaction, copy first, which together with the lock of {@link KnownDossiers#lockForLinking} means no
 * booking can be linked to a dossier that is ending while its bookings are being cancelled.
 *
 * <p>Runs in the consumer's transaction together with the processed-event record: a redelivered event changes
 * nothing. A payload without a dossier id can never succeed and goes straight to {@code dossier.events.dlq}.
 */
@ApplicationScoped
public class DossierEventsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(DossierEventsHandler.class);
    /** The dossier's own reason is quoted up to this length: the whole text fits booking.cancel_reason (500). */
    private static final int MAX_QUOTED_REASON = 300;
    static final String ACTOR = "dossier-service";

    /**
     * All dossier types, including the status changes added after the first contract version: a reopened dossier
     * must become linkable again, and a withdrawal request or a payment is a status like any other.
     */
    private static final Set<String> TYPES = Stream.concat(DossierEvents.ALL.stream(),
            DossierEvents.ADDED_STATUS_CHANGES.stream()).collect(Collectors.toUnmodifiableSet());

    @Inject
    BookingService bookings;
    @Inject
    KnownDossiers knownDossiers;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.DOSSIER);
    }

    @Override
    public Set<String> eventTypes() {
        return TYPES;
    }

    @Override
    public void handle(CloudEvent event) {
        DossierEvents.DossierRef dossier = CloudEventCodec.dataAs(event, AnyDossierEvent.class).dossier();
        if (dossier == null || dossier.dossierId() == null || dossier.dossierId().isBlank()) {
            throw new PoisonEventException(event.type() + " " + event.id() + " names no dossier");
        }
        remember(dossier, event);
        Ending ending = switch (event.type()) {
            case DossierEvents.REFUSED -> {
                var refused = CloudEventCodec.dataAs(event, DossierEvents.Refused.class);
                yield new Ending(refused.dossier(), CancellationReason.DOSSIER_REFUSED,
                        "Hồ sơ%s không được tiếp nhận%s, nên lịch hẹn không còn cần thiết và đã được hủy."
                                .formatted(code(refused.dossier()), because(refused.reason())), refused.officerId());
            }
            case DossierEvents.WITHDRAWN -> {
                var withdrawn = CloudEventCodec.dataAs(event, DossierEvents.Withdrawn.class);
                yield new Ending(withdrawn.dossier(), CancellationReason.DOSSIER_WITHDRAWN,
                        "Hồ sơ%s đã được rút theo đề nghị của người nộp, nên lịch hẹn đã được hủy."
                                .formatted(code(withdrawn.dossier())), null);
            }
            case DossierEvents.STOPPED -> {
                var stopped = CloudEventCodec.dataAs(event, DossierEvents.Stopped.class);
                yield new Ending(stopped.dossier(), CancellationReason.DOSSIER_STOPPED,
                        "Hồ sơ%s đã dừng xử lý%s, nên lịch hẹn không còn cần thiết và đã được hủy."
                                .formatted(code(stopped.dossier()), because(stopped.reason())), stopped.officerId());
            }
            default -> null; // the dossier goes on: nothing to cancel
        };
        if (ending == null) {
            return;
        }
        String by = ending.officerId() == null || ending.officerId().isBlank() ? ACTOR : ending.officerId();
        List<Booking> cancelled = bookings.cancelForDossier(ending.dossier().dossierId(), ending.code(), ending.reason(), by);
        if (!cancelled.isEmpty()) {
            LOG.infof("dossier %s %s: cancelled bookings %s", ending.dossier().dossierId(), ending.code(),
                    cancelled.stream().map(b -> b.code).toList());
        }
    }

    /**
     * Records the dossier as this event shows it. Without an applicant or a status (a broken producer) the copy is
     * left as it was rather than guessed, so a dossier first seen that way stays unknown and cannot be linked; an
     * ending still cancels the bookings.
     * CloudEvents makes {@code time} optional: an event without it counts as read now, which Kafka's order of one
     * dossier's events (one key, one partition) makes the newest so far.
     */
    private void remember(DossierEvents.DossierRef dossier, CloudEvent event) {
        if (dossier.applicant() == null || dossier.applicant().id() == null || dossier.applicant().id().isBlank()
                || dossier.status() == null || dossier.status().isBlank()) {
            LOG.warnf("%s %s: dossier %s without applicant or status, not recorded", event.type(), event.id(),
                    dossier.dossierId());
            return;
        }
        OffsetDateTime at = event.time() != null ? event.time() : OffsetDateTime.now(CloudEventCodec.ZONE);
        if (!knownDossiers.record(dossier, at)) {
            LOG.debugf("%s %s of dossier %s is older than the one recorded: not applied", event.type(), event.id(),
                    dossier.dossierId());
        }
    }

    /** What every dossier event carries: the dossier after the fact (not private: Jackson builds it). */
    record AnyDossierEvent(DossierEvents.DossierRef dossier) {
    }

    private record Ending(DossierEvents.DossierRef dossier, CancellationReason code, String reason, String officerId) {
    }

    private static String code(DossierEvents.DossierRef dossier) {
        return dossier == null || dossier.dossierCode() == null ? "" : " " + dossier.dossierCode();
    }

    private static String because(String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String quoted = reason.strip();
        if (quoted.length() > MAX_QUOTED_REASON) {
            quoted = quoted.substring(0, MAX_QUOTED_REASON - 1) + "…";
        }
        return " (lý do: " + quoted + ")";
    }
}
