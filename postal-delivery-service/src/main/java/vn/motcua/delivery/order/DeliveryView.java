package vn.motcua.delivery.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.contracts.delivery.PostalOperatorMessages.Party;
import vn.motcua.contracts.events.CloudEventCodec;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A delivery order as clients see it; {@code timeline} only on single-order reads. */
@Schema(name = "Delivery")
public record DeliveryView(
        UUID id,
        @Schema(example = "RESULT_RETURN") DeliveryKind kind,
        String dossierId,
        @Schema(example = "000.00.12.H29-261123-0001") String dossierCode,
        @Schema(example = "000.00.12.H29") String agencyCode,
        @Schema(example = "VNPOST") String operatorCode,
        @Schema(example = "EL100000017VN") String trackingNumber,
        @Schema(example = "IN_TRANSIT") DeliveryStatus status,
        Party sender,
        Party receiver,
        String parcelDescription,
        @Schema(example = "18000") long postalFeeVnd,
        @Schema(example = "RECEIVER") FeePaidBy feePaidBy,
        @Schema(example = "18000") long cashOnDeliveryVnd,
        int attempts,
        String lastCarrierCode,
        String lastPostOfficeCode,
        String lastPostOfficeName,
        String failureReason,
        Proof proof,
        @Schema(description = "NOT_PICKED_UP or STUCK_IN_TRANSIT while flagged") String slaBreach,
        OffsetDateTime createdAt,
        OffsetDateTime dispatchedAt,
        OffsetDateTime pickedUpAt,
        OffsetDateTime deliveredAt,
        OffsetDateTime statusChangedAt,
        OffsetDateTime redeliveryRequestedAt,
        @Schema(description = "send it back with changes (optimistic concurrency)") long version,
        List<Line> timeline) {

    @Schema(name = "DeliveryProof")
    public record Proof(String receiverName, String relation, String reference, OffsetDateTime deliveredAt) {
    }

    @Schema(name = "DeliveryTimelineEntry")
    public record Line(@Schema(example = "STATUS_REPORT") String entry, @Schema(example = "IN_TRANSIT") String status,
                       @Schema(description = "false for a report that arrived after a later one") boolean applied,
                       OffsetDateTime occurredAt, OffsetDateTime recordedAt, String carrierCode, String postOfficeCode,
                       String postOfficeName, String note, String reportId, String source) {
    }

    public static DeliveryView of(DeliveryOrder o, boolean withTimeline) {
        Proof proof = o.deliveredAt == null ? null
                : new Proof(o.proofReceiverName, o.proofRelation, o.proofReference, local(o.deliveredAt));
        List<Line> timeline = withTimeline ? TimelineEntry.of(o.id).stream().map(t -> new Line(t.entry, t.status,
                t.applied, local(t.occurredAt), local(t.recordedAt), t.carrierCode, t.postOfficeCode, t.postOfficeName,
                t.note, t.reportId, t.source)).toList() : null;
        return new DeliveryView(o.id, o.kind, o.dossierId, o.dossierCode, o.agencyCode, o.operatorCode, o.trackingNumber,
                o.status, o.sender, o.receiver, o.parcelDescription, o.postalFeeVnd, o.feePaidBy, o.cashOnDeliveryVnd,
                o.attempts, o.lastCarrierCode, o.lastPostOfficeCode, o.lastPostOfficeName, o.failureReason, proof,
                o.slaBreach, local(o.createdAt), local(o.dispatchedAt), local(o.pickedUpAt), local(o.deliveredAt),
                local(o.statusChangedAt), local(o.redeliveryRequestedAt), o.version, timeline);
    }

    /** Times in Vietnam's offset, whatever the database driver returned. */
    static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(CloudEventCodec.ZONE).toOffsetDateTime();
    }
}
