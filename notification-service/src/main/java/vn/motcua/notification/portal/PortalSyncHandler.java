package vn.motcua.notification.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.messaging.inbox.EventHandler;
import vn.motcua.messaging.inbox.PoisonEventException;
import vn.motcua.notification.config.NotificationConfig;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Records every dossier status change and processing step as the dossier's next portal revision, with its own
 * document; the {@link PortalSyncDispatcher} pushes the revisions one by one, in order. Drafts are never sent (the
 * portal does not see them). An event older than the one already recorded is dropped.
 */
@ApplicationScoped
public class PortalSyncHandler implements EventHandler {

    static final Set<String> TYPES;

    static {
        Set<String> types = new LinkedHashSet<>(DossierEvents.ALL);
        types.addAll(DossierEvents.ADDED_STATUS_CHANGES);
        types.remove(DossierEvents.DRAFT_CREATED);
        TYPES = Set.copyOf(types);
    }

    @Inject
    EntityManager entityManager;
    @Inject
    NotificationConfig config;

    @Override
    public Set<String> topics() {
        return config.portal().enabled() ? Set.of(Topics.DOSSIER) : Set.of();
    }

    @Override
    public Set<String> eventTypes() {
        return TYPES;
    }

    @Override
    public String name() {
        return "portal-sync";
    }

    @Override
    public void handle(CloudEvent event) {
        DossierEvents.DossierRef dossier;
        try {
            dossier = CloudEventCodec.mapper().treeToValue(event.data().path("dossier"), DossierEvents.DossierRef.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("event " + event.id() + " carries no readable dossier: " + e.getMessage(), e);
        }
        if (dossier == null || dossier.dossierId() == null || dossier.dossierCode() == null || dossier.portalStatus() <= 0) {
            return; // not (yet) a dossier the portal knows about
        }
        JsonNode data = event.data();
        String step = text(data, "stepName");
        String note = text(data, "reason");
        OffsetDateTime at = event.time() != null ? event.time() : OffsetDateTime.now(CloudEventCodec.ZONE);
        PortalDocument document = PortalDocument.of(dossier, step, note, at, config.portal().systemCode());
        String json;
        try {
            json = CloudEventCodec.mapper().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        // while a push is in flight the row stays SENDING: the pusher goes on with the new revision once the one in
        // flight is answered, so two pushes of one dossier never race each other to the portal
        int recorded = entityManager.createNativeQuery("""
                        insert into portal_sync (dossier_id, dossier_code, agency_code, portal_status, status_name, revision,
                            last_event_id, last_event_type, last_event_at, document, state, attempts, next_attempt_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?9, 'PENDING', 0, ?10, ?10)
                        on conflict (dossier_id) do update set
                            dossier_code = excluded.dossier_code, agency_code = excluded.agency_code,
                            portal_status = excluded.portal_status, status_name = excluded.status_name,
                            revision = portal_sync.revision + 1, last_event_id = excluded.last_event_id,
                            last_event_type = excluded.last_event_type, last_event_at = excluded.last_event_at,
                            document = excluded.document,
                            state = case when portal_sync.state = 'SENDING' then 'SENDING' else 'PENDING' end,
                            attempts = case when portal_sync.state = 'SENDING' then portal_sync.attempts else 0 end,
                            next_attempt_at = case when portal_sync.state = 'SENDING' then portal_sync.next_attempt_at
                                                   else excluded.next_attempt_at end,
                            updated_at = excluded.updated_at
                        where portal_sync.last_event_at <= excluded.last_event_at""")
                .setParameter(1, dossier.dossierId()).setParameter(2, dossier.dossierCode())
                .setParameter(3, dossier.agencyCode() == null ? "" : dossier.agencyCode())
                .setParameter(4, dossier.portalStatus()).setParameter(5, dossier.status() == null ? "" : dossier.status())
                .setParameter(6, event.id()).setParameter(7, event.type()).setParameter(8, at).setParameter(9, json)
                .setParameter(10, now)
                .executeUpdate();
        if (recorded == 0) {
            return; // older than what the portal already has or is about to get: sending it would move the status back
        }
        // the revision just counted, with its own document: the portal is sent every one of them, in order
        entityManager.createNativeQuery("""
                        insert into portal_sync_revision (dossier_id, revision, event_id, event_type, event_at, portal_status, document)
                        select dossier_id, revision, last_event_id, last_event_type, last_event_at, portal_status, document
                        from portal_sync where dossier_id = ?1""")
                .setParameter(1, dossier.dossierId()).executeUpdate();
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.path(field);
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
