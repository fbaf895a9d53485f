package vn.motcua.payment.refund;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "Refund")
public record RefundView(
        String id,
        String paymentId,
        @Schema(example = "24000") long amountVnd,
        @Schema(example = "REFUNDED", description = "AWAITING_APPROVAL, SENDING (sent to the provider, answer pending), REFUNDED or REJECTED") String status,
        @Schema(example = "Hồ sơ bị từ chối: hoàn phí chuyển phát") String reason,
        String requestedBy,
        OffsetDateTime requestedAt,
        String decidedBy,
        OffsetDateTime decidedAt,
        String decisionNote,
        String providerRefundId,
        OffsetDateTime refundedAt,
        @Schema(description = "What is still refundable on the payment after this request", example = "200000") long paymentRefundableVnd) {
}
