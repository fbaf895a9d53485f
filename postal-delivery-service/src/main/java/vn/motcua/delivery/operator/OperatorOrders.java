package vn.motcua.delivery.operator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.delivery.PostalOperatorMessages;
import vn.motcua.contracts.delivery.PostalOperatorMessages.Parcel;
import vn.motcua.contracts.delivery.PostalOperatorMessages.PostalOrder;
import vn.motcua.contracts.events.Topics;
import vn.motcua.delivery.order.DeliveryKind;
import vn.motcua.delivery.order.DeliveryOrder;
import vn.motcua.messaging.outbox.Outbox;

import java.time.OffsetDateTime;

/**
 * What we tell the operator on {@code postal.orders}. Key = tracking number: the operator's systems are organised
 * by waybill, and all messages about one parcel then stay in order in one partition. (An order waiting for a
 * waybill number is not published until it has one.)
 */
@ApplicationScoped
public class OperatorOrders {

    @Inject
    Outbox outbox;

    public static PostalOrder message(DeliveryOrder order) {
        String contents = order.kind == DeliveryKind.RESULT_RETURN ? "RESULT_DOCUMENTS" : "DOSSIER_DOCUMENTS";
        return new PostalOrder(order.dossierCode, order.trackingNumber, order.operatorCode, order.customerCode,
                order.kind.name(), order.sender, order.receiver, new Parcel(order.parcelDescription, contents, 0),
                order.postalFeeVnd, order.feePaidBy.name(), order.cashOnDeliveryVnd, null, order.createdAt);
    }

    public void created(DeliveryOrder order) {
        outbox.publish(Topics.POSTAL_ORDERS, order.trackingNumber, PostalOperatorMessages.ORDER_CREATED, message(order));
    }

    public void amended(DeliveryOrder order, String change, String reason, OffsetDateTime at) {
        outbox.publish(Topics.POSTAL_ORDERS, order.trackingNumber, PostalOperatorMessages.ORDER_AMENDED,
                new PostalOperatorMessages.OrderAmended(message(order), change, reason, at));
    }

    public void cancelled(DeliveryOrder order, String reason, OffsetDateTime at) {
        outbox.publish(Topics.POSTAL_ORDERS, order.trackingNumber, PostalOperatorMessages.ORDER_CANCELLED,
                new PostalOperatorMessages.OrderCancelled(order.dossierCode, order.trackingNumber, order.operatorCode,
                        reason, at));
    }

    public void redeliveryRequested(DeliveryOrder order, String note, OffsetDateTime at) {
        outbox.publish(Topics.POSTAL_ORDERS, order.trackingNumber, PostalOperatorMessages.REDELIVERY_REQUESTED,
                new PostalOperatorMessages.RedeliveryRequested(order.dossierCode, order.trackingNumber,
                        order.operatorCode, order.attempts + 1, note, at));
    }

    /** Feedback for a report that came over Kafka and was refused (the REST caller reads it in its response). */
    public void reportRejected(String operatorCode, String reportId, String trackingNumber, String code, String detail,
                               OffsetDateTime at) {
        String key = trackingNumber != null && !trackingNumber.isBlank() ? trackingNumber
                : reportId != null && !reportId.isBlank() ? reportId : "unknown";
        outbox.publish(Topics.POSTAL_ORDERS, key, PostalOperatorMessages.STATUS_REPORT_REJECTED,
                new PostalOperatorMessages.StatusReportRejected(reportId, trackingNumber, operatorCode, code, detail, at));
    }
}
