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

import java.util.List;
import java.util.Set;

/**
 * dossier.events REFUSED, WITHDRAWN (withdrawal approved) and STOPPED: the dossier ended without needing the
 * in-person visit, so the active bookings linked to it are cancelled with a reason the citizen can read, their seats
 * go back to the slot, and booking-cancelled (through the outbox) lets notification-service tell the citizen.
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

    @Inject
    BookingService bookings;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.DOSSIER);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(DossierEvents.REFUSED, DossierEvents.WITHDRAWN, DossierEvents.STOPPED);
    }

    @Override
    public void handle(CloudEvent event) {
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
            default -> throw new IllegalStateException("not subscribed to " + event.type());
        };
        if (ending.dossier() == null || ending.dossier().dossierId() == null || ending.dossier().dossierId().isBlank()) {
            throw new PoisonEventException(event.type() + " " + event.id() + " names no dossier");
        }
        String by = ending.officerId() == null || ending.officerId().isBlank() ? ACTOR : ending.officerId();
        List<Booking> cancelled = bookings.cancelForDossier(ending.dossier().dossierId(), ending.code(), ending.reason(), by);
        if (!cancelled.isEmpty()) {
            LOG.infof("dossier %s %s: cancelled bookings %s", ending.dossier().dossierId(), ending.code(),
                    cancelled.stream().map(b -> b.code).toList());
        }
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
