package vn.motcua.contracts.payment;

import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.common.FeeLine;

import java.time.OffsetDateTime;
import java.util.List;

/** Events of payment-service on topic {@code payment.events}, key = dossier id (payment id for extra obligations without one). */
public final class PaymentEvents {

    public static final String REQUESTED = "vn.motcua.payment.requested.v1";
    public static final String SUCCEEDED = "vn.motcua.payment.succeeded.v1";
    public static final String FAILED = "vn.motcua.payment.failed.v1";
    public static final String EXPIRED = "vn.motcua.payment.expired.v1";
    public static final String REFUNDED = "vn.motcua.payment.refunded.v1";

    private PaymentEvents() {
    }

    /** The payment as it is after the event. Amounts are integer VND. */
    public record PaymentRef(
            String paymentId,
            String dossierId,
            String dossierCode,
            String agencyCode,
            String procedureName,
            Applicant payer,
            long amountVnd,
            List<FeeLine> fees,
            String status) {
    }

    public record Requested(PaymentRef payment, OffsetDateTime expiresAt, OffsetDateTime requestedAt) {
    }

    public record Succeeded(PaymentRef payment, String provider, String providerTransactionId, String receiptNumber,
                            OffsetDateTime paidAt) {
    }

    public record Failed(PaymentRef payment, String provider, String reason, OffsetDateTime failedAt) {
    }

    public record Expired(PaymentRef payment, OffsetDateTime expiredAt) {
    }

    public record Refunded(PaymentRef payment, String refundId, long refundedVnd, String reason, OffsetDateTime refundedAt) {
    }
}
