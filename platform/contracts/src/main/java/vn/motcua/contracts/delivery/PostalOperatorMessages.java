package vn.motcua.contracts.delivery;

import java.time.OffsetDateTime;

/**
 * The postal operator's contract (documented for the operator in {@code docs/asyncapi/postal-operator.yaml}).
 *
 * <p>Topic {@code postal.orders} (we produce, the operator consumes), key = tracking number: order created,
 * amended, cancelled, re-delivery requested, and feedback on rejected status reports. Topic
 * {@code postal.status-reports} (the operator produces, we consume), key = tracking number: one
 * {@link StatusReport} per CloudEvent. The same {@link StatusReport} is the item of the REST batch
 * {@code POST /api/v1/deliveries/operator/status-reports}.
 *
 * <p>Versioning: the version is the {@code .vN} suffix of the CloudEvent type. Adding optional fields is not a new
 * version (both sides ignore unknown fields); removing or re-typing a field, or changing its meaning, is a new type
 * ({@code .v2}) published alongside the old one for a transition period.
 */
public final class PostalOperatorMessages {

    public static final String ORDER_CREATED = "vn.motcua.postal.order-created.v1";
    public static final String ORDER_AMENDED = "vn.motcua.postal.order-amended.v1";
    public static final String ORDER_CANCELLED = "vn.motcua.postal.order-cancelled.v1";
    public static final String REDELIVERY_REQUESTED = "vn.motcua.postal.redelivery-requested.v1";
    public static final String STATUS_REPORT_REJECTED = "vn.motcua.postal.status-report-rejected.v1";
    /** Type of the operator's events on {@code postal.status-reports}. */
    public static final String STATUS_REPORT = "vn.motcua.postal.status-report.v1";

    private PostalOperatorMessages() {
    }

    /**
     * A sender or receiver. Administrative codes are the national codes (province: 2 digits, commune: 5 digits);
     * since 1 July 2025 there is no district level.
     */
    public record Party(String name, String phone, String street, String communeCode, String communeName,
                        String provinceCode, String provinceName) {
    }

    /** What is in the parcel: paper documents only (results or dossier papers), never valuables. */
    public record Parcel(String description, String contents, int declaredValueVnd) {
    }

    /**
     * A shipment to carry.
     *
     * @param kind              RESULT_RETURN (agency → applicant) or DOCUMENT_PICKUP (applicant → agency)
     * @param orderNumber       the dossier code; a dossier can have two shipments (pickup and return), so the
     *                          tracking number, not the order number, identifies a shipment
     * @param feePaidBy         PREPAID (already paid to us: collect nothing), RECEIVER (collect the fee with the COD
     *                          amount on delivery) or SENDER (collect the fee from the sender at pickup)
     * @param cashOnDeliveryVnd cash to collect from the receiver on delivery (0 when nothing)
     */
    public record PostalOrder(String orderNumber, String trackingNumber, String operatorCode, String customerCode,
                              String kind, Party sender, Party receiver, Parcel parcel, long postalFeeVnd,
                              String feePaidBy, long cashOnDeliveryVnd, String note, OffsetDateTime createdAt) {
    }

    /** The full order after a change (e.g. a new receiver address); replaces what the operator holds. */
    public record OrderAmended(PostalOrder order, String change, String reason, OffsetDateTime amendedAt) {
    }

    public record OrderCancelled(String orderNumber, String trackingNumber, String operatorCode, String reason,
                                 OffsetDateTime cancelledAt) {
    }

    /** Try again after a failed attempt; {@code attempt} is the number of the next attempt. */
    public record RedeliveryRequested(String orderNumber, String trackingNumber, String operatorCode, int attempt,
                                      String note, OffsetDateTime requestedAt) {
    }

    /** Feedback on a report received over Kafka that we could not accept (REST callers get it in the response). */
    public record StatusReportRejected(String reportId, String trackingNumber, String operatorCode, String code,
                                       String detail, OffsetDateTime rejectedAt) {
    }

    public record PostOffice(String code, String name) {
    }

    /** Proof of delivery: who took the parcel, their relation to the applicant, and a signature or photo reference. */
    public record DeliveryProof(String receiverName, String relation, String signatureReference, String photoReference) {
    }

    /**
     * One status report from the operator.
     *
     * @param reportId       the operator's unique id of this report; a report with an id we have seen is a duplicate
     * @param operatorCode   who reports; required on Kafka, taken from the token over REST
     * @param status         PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERY_FAILED, AVAILABLE_FOR_PICKUP,
     *                       DELIVERED, RETURNING, RETURNED, LOST, CANCELLED
     * @param carrierCode    the operator's own raw status code, kept as is
     * @param failureReason  required for DELIVERY_FAILED
     * @param attempt        delivery attempt number (1, 2, ...) for OUT_FOR_DELIVERY / DELIVERY_FAILED / DELIVERED
     * @param proof          required for DELIVERED
     */
    public record StatusReport(String reportId, String operatorCode, String trackingNumber, String orderNumber,
                               String status, String carrierCode, PostOffice postOffice, OffsetDateTime occurredAt,
                               String note, String failureReason, Integer attempt, DeliveryProof proof) {
    }
}
