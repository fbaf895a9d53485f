package vn.motcua.contracts.delivery;

import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.common.PostalAddress;

import java.time.OffsetDateTime;

/**
 * Events of postal-delivery-service on topic {@code delivery.events}, key = dossier id. (The postal operator's
 * own contract — topics {@code postal.orders} and {@code postal.status-reports} — is separate and documented in
 * {@code docs/asyncapi/postal-operator.yaml}.)
 */
public final class DeliveryEvents {

    public static final String REQUESTED = "vn.motcua.delivery.requested.v1";
    public static final String DISPATCHED = "vn.motcua.delivery.dispatched.v1";
    public static final String STATUS_CHANGED = "vn.motcua.delivery.status-changed.v1";
    public static final String DELIVERED = "vn.motcua.delivery.delivered.v1";
    public static final String FAILED = "vn.motcua.delivery.failed.v1";
    public static final String RETURNED = "vn.motcua.delivery.returned.v1";
    public static final String SLA_BREACHED = "vn.motcua.delivery.sla-breached.v1";

    private DeliveryEvents() {
    }

    /**
     * The delivery order after the event.
     *
     * @param kind   {@code RESULT_RETURN} (result to the applicant) or {@code DOCUMENT_PICKUP} (documents from them)
     * @param status CREATED, DISPATCHED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERY_FAILED,
     *               AVAILABLE_FOR_PICKUP, DELIVERED, RETURNING, RETURNED, LOST, CANCELLED
     */
    public record DeliveryRef(
            String orderId,
            String kind,
            String dossierId,
            String dossierCode,
            String agencyCode,
            String operatorCode,
            String trackingNumber,
            Applicant applicant,
            PostalAddress receiver,
            String status) {
    }

    public record Requested(DeliveryRef order, long postalFeeVnd, long cashOnDeliveryVnd, OffsetDateTime requestedAt) {
    }

    /** The order was handed to the operator (published on {@code postal.orders}). */
    public record Dispatched(DeliveryRef order, OffsetDateTime dispatchedAt) {
    }

    public record StatusChanged(DeliveryRef order, String previousStatus, String carrierCode, String postOffice,
                                String note, OffsetDateTime occurredAt) {
    }

    /** Proof of delivery. */
    public record Delivered(DeliveryRef order, String receiverName, String relationToApplicant, String proofReference,
                            OffsetDateTime deliveredAt) {
    }

    public record Failed(DeliveryRef order, String reason, int attempt, OffsetDateTime failedAt) {
    }

    /** Returned to the sender (the agency) after failed attempts. */
    public record Returned(DeliveryRef order, String reason, OffsetDateTime returnedAt) {
    }

    /** {@code breach}: NOT_PICKED_UP or STUCK_IN_TRANSIT. */
    public record SlaBreached(DeliveryRef order, String breach, OffsetDateTime since, OffsetDateTime detectedAt) {
    }
}
