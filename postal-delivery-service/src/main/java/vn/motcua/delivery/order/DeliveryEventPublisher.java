package vn.motcua.delivery.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.common.PostalAddress;
import vn.motcua.contracts.delivery.DeliveryEvents;
import vn.motcua.contracts.delivery.PostalOperatorMessages.Party;
import vn.motcua.contracts.events.Topics;
import vn.motcua.messaging.outbox.Outbox;

import java.time.OffsetDateTime;

/** Our facts on {@code delivery.events} (key = dossier id, so they stay in order with the dossier's own events). */
@ApplicationScoped
public class DeliveryEventPublisher {

    @Inject
    Outbox outbox;

    public static DeliveryEvents.DeliveryRef ref(DeliveryOrder order) {
        return ref(order, order.status.name());
    }

    static DeliveryEvents.DeliveryRef ref(DeliveryOrder order, String status) {
        Party receiver = order.receiver;
        PostalAddress address = new PostalAddress(receiver.name(), receiver.phone(), receiver.street(),
                receiver.communeCode(), receiver.communeName(), null, receiver.provinceCode(), receiver.provinceName());
        return new DeliveryEvents.DeliveryRef(order.id.toString(), order.kind.name(), order.dossierId, order.dossierCode,
                order.agencyCode, order.operatorCode, order.trackingNumber, order.applicant, address, status);
    }

    public void requested(DeliveryOrder order) {
        publish(order, DeliveryEvents.REQUESTED, new DeliveryEvents.Requested(ref(order, "CREATED"), order.postalFeeVnd,
                order.cashOnDeliveryVnd, order.createdAt));
    }

    public void dispatched(DeliveryOrder order) {
        publish(order, DeliveryEvents.DISPATCHED, new DeliveryEvents.Dispatched(ref(order), order.dispatchedAt));
    }

    public void statusChanged(DeliveryOrder order, DeliveryStatus previous, String carrierCode, String postOffice,
                              String note, OffsetDateTime at) {
        publish(order, DeliveryEvents.STATUS_CHANGED, new DeliveryEvents.StatusChanged(ref(order), previous.name(),
                carrierCode, postOffice, note, at));
    }

    public void delivered(DeliveryOrder order) {
        publish(order, DeliveryEvents.DELIVERED, new DeliveryEvents.Delivered(ref(order), order.proofReceiverName,
                order.proofRelation, order.proofReference, order.deliveredAt));
    }

    public void failed(DeliveryOrder order, OffsetDateTime at) {
        publish(order, DeliveryEvents.FAILED, new DeliveryEvents.Failed(ref(order), order.failureReason,
                order.attempts, at));
    }

    public void returned(DeliveryOrder order, String reason, OffsetDateTime at) {
        publish(order, DeliveryEvents.RETURNED, new DeliveryEvents.Returned(ref(order), reason, at));
    }

    public void slaBreached(DeliveryOrder order, String breach, OffsetDateTime since, OffsetDateTime detectedAt) {
        publish(order, DeliveryEvents.SLA_BREACHED, new DeliveryEvents.SlaBreached(ref(order), breach, since, detectedAt));
    }

    private void publish(DeliveryOrder order, String type, Object payload) {
        outbox.publish(Topics.DELIVERY, order.dossierId, type, payload);
    }
}
