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

    /** The obligation kinds a payment can be for ({@link PaymentRef#obligationKind()}). */
    public static final String KIND_DOSSIER_FEE = "DOSSIER_FEE";
    public static final String KIND_EXTRA = "EXTRA";

    /**
     * The payment as it is after the event. Amounts are integer VND.
     *
     * <p>{@code obligationKind} says what was paid for, so that a consumer acts only on the payments meant for it:
     * {@value #KIND_DOSSIER_FEE} is the fee obligation payment-service raised from dossier-service's own
     * {@code payment-required} event (its fee lines and, with return by post, the {@code POSTAL_RETURN} line);
     * {@value #KIND_EXTRA} is an extra fee an officer raised by hand, which never settles a dossier nor prepays a
     * delivery. {@code obligationAmountVnd} is the obligation's total; {@code amountVnd} is this payment's amount.
     * Events from before these fields existed read them as null / 0, and consumers treat that as "not for me".
     */
    public record PaymentRef(
            String paymentId,
            String dossierId,
            String dossierCode,
            String agencyCode,
            String procedureName,
            Applicant payer,
            long amountVnd,
            List<FeeLine> fees,
            String status,
            String obligationId,
            String obligationKind,
            long obligationAmountVnd) {

        /** A reference that names no obligation (as an event of an older producer reads): no consumer acts on it. */
        public PaymentRef(String paymentId, String dossierId, String dossierCode, String agencyCode, String procedureName,
                          Applicant payer, long amountVnd, List<FeeLine> fees, String status) {
            this(paymentId, dossierId, dossierCode, agencyCode, procedureName, payer, amountVnd, fees, status, null, null, 0);
        }

        public boolean forDossierFee() {
            return KIND_DOSSIER_FEE.equals(obligationKind);
        }
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
