package vn.motcua.payment.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.messaging.inbox.EventHandler;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every dossier event updates this service's copy of the dossier ({@link KnownDossiers}). Runs in the consumer's
 * transaction with the processed-event record, so a redelivery changes nothing. A payload that names no dossier,
 * agency, applicant or status is left out (logged) rather than guessed: such a dossier stays unknown and cannot be
 * billed by hand. It is not dead-lettered: the copy is a convenience for officers, never worth a stuck partition.
 */
@ApplicationScoped
public class DossierEventsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(DossierEventsHandler.class);

    private static final Set<String> TYPES = Stream.concat(DossierEvents.ALL.stream(),
            DossierEvents.ADDED_STATUS_CHANGES.stream()).collect(Collectors.toUnmodifiableSet());

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
    public String name() {
        return "payment-known-dossiers";
    }

    @Override
    public void handle(CloudEvent event) {
        DossierEvents.DossierRef dossier = CloudEventCodec.dataAs(event, AnyDossierEvent.class).dossier();
        if (dossier == null || blank(dossier.dossierId()) || blank(dossier.agencyCode()) || dossier.applicant() == null
                || blank(dossier.applicant().id()) || blank(dossier.status())) {
            LOG.warnf("%s %s names no dossier, agency, applicant or status: not recorded", event.type(), event.id());
            return;
        }
        OffsetDateTime at = event.time() != null ? event.time() : OffsetDateTime.now(CloudEventCodec.ZONE);
        if (!knownDossiers.record(dossier, at)) {
            LOG.debugf("%s %s is older than the one recorded for dossier %s: not applied", event.type(), event.id(),
                    dossier.dossierId());
        }
    }

    /** What every dossier event carries: the dossier after the fact (not private: Jackson builds it). */
    record AnyDossierEvent(DossierEvents.DossierRef dossier) {
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
