package vn.motcua.payment.payment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.contracts.common.FeeLine;

import java.time.OffsetDateTime;
import java.util.List;

/** A payment as clients see it. */
@Schema(name = "Payment")
public record PaymentView(
        @Schema(example = "4f1c2b7e-0d5a-4f43-9a43-8f1a7d1b2c3d") String id,
        String obligationId,
        @Schema(example = "1") int attempt,
        @Schema(example = "P7K2M9Q4X1ZB") String reference,
        String dossierId,
        @Schema(example = "000.21.27.H29-261123-0001") String dossierCode,
        @Schema(example = "2.000908") String procedureCode,
        @Schema(example = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam") String procedureName,
        @Schema(example = "000.21.27.H29") String agencyCode,
        String agencyName,
        @Schema(example = "PENDING") PaymentStatus status,
        @Schema(example = "224000") long amountVnd,
        @Schema(example = "VND") String currency,
        @Schema(example = "0") long refundedVnd,
        List<FeeLine> fees,
        @Schema(example = "GATEWAY") String provider,
        String providerTransactionId,
        @Schema(description = "Where to send the payer's browser; only while PENDING") String redirectUrl,
        @Schema(description = "Receipt number once paid", example = "MC26E-0000001") String receiptNumber,
        @Schema(description = "Deadline of the obligation") OffsetDateTime expiresAt,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime settledAt,
        String failureReason,
        boolean late,
        long version) {
}
