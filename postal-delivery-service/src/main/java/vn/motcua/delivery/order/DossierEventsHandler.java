package vn.motcua.delivery.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.messaging.inbox.EventHandler;
import vn.motcua.messaging.inbox.PoisonEventException;

import java.util.Set;

/**
 * Dossier facts that need a parcel carried: a result ready for postal return (RESOLVED with return method POST), or a
 * dossier submitted by post whose papers must be collected from the applicant (SUBMITTED with channel POSTAL).
 */
@ApplicationScoped
public class DossierEventsHandler implements EventHandler {

    static final String POST = "POST";
    static final String POSTAL = "POSTAL";

    @Inject
    OrderService orders;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.DOSSIER);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(DossierEvents.RESOLVED, DossierEvents.SUBMITTED, DossierEvents.WITHDRAWN, DossierEvents.REFUSED,
                DossierEvents.STOPPED);
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.type()) {
            case DossierEvents.WITHDRAWN -> {
                DossierEvents.Withdrawn withdrawn = CloudEventCodec.dataAs(event, DossierEvents.Withdrawn.class);
                orders.cancelForDossier(required(withdrawn.dossier(), event).dossierId(),
                        "Hồ sơ đã được rút (dossier withdrawn): " + nullToEmpty(withdrawn.reason()));
                return;
            }
            case DossierEvents.REFUSED -> {
                DossierEvents.Refused refused = CloudEventCodec.dataAs(event, DossierEvents.Refused.class);
                orders.cancelForDossier(required(refused.dossier(), event).dossierId(),
                        "Hồ sơ không được tiếp nhận (dossier refused): " + nullToEmpty(refused.reason()));
                return;
            }
            case DossierEvents.STOPPED -> {
                DossierEvents.Stopped stopped = CloudEventCodec.dataAs(event, DossierEvents.Stopped.class);
                orders.cancelForDossier(required(stopped.dossier(), event).dossierId(),
                        "Dừng xử lý hồ sơ (processing stopped): " + nullToEmpty(stopped.reason()));
                return;
            }
            default -> {
            }
        }
        if (DossierEvents.RESOLVED.equals(event.type())) {
            DossierEvents.Resolved resolved = CloudEventCodec.dataAs(event, DossierEvents.Resolved.class);
            DossierEvents.DossierRef dossier = required(resolved.dossier(), event);
            String method = resolved.returnMethod() != null ? resolved.returnMethod() : dossier.returnMethod();
            if (POST.equals(method)) {
                orders.create(spec(DeliveryKind.RESULT_RETURN, dossier, resolved.deliveryAddress()));
            }
        } else {
            DossierEvents.Submitted submitted = CloudEventCodec.dataAs(event, DossierEvents.Submitted.class);
            DossierEvents.DossierRef dossier = required(submitted.dossier(), event);
            if (POSTAL.equals(dossier.channel())) {
                orders.create(spec(DeliveryKind.DOCUMENT_PICKUP, dossier, submitted.pickupAddress()));
            }
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static DossierEvents.DossierRef required(DossierEvents.DossierRef dossier, CloudEvent event) {
        if (dossier == null || dossier.dossierId() == null || dossier.dossierCode() == null || dossier.agencyCode() == null) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") has no dossier id, code or agency");
        }
        return dossier;
    }

    private static NewOrder spec(DeliveryKind kind, DossierEvents.DossierRef dossier,
                                 vn.motcua.contracts.common.PostalAddress address) {
        return new NewOrder(kind, dossier.dossierId(), dossier.dossierCode(), dossier.procedureCode(),
                dossier.procedureName(), dossier.agencyCode(), dossier.channel(), dossier.applicant(), address);
    }
}
