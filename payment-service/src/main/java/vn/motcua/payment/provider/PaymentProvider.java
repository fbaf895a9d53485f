package vn.motcua.payment.provider;

import vn.motcua.contracts.common.FeeLine;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One payment provider protocol. Implementations only speak the protocol (sign, verify, call); every decision about
 * a payment's status is {@code PaymentService}'s.
 */
public interface PaymentProvider {

    ProviderCode code();

    boolean enabled();

    /** Prepares the provider side of a payment and returns where to send the applicant's browser. */
    Checkout checkout(CheckoutOrder order);

    /** Asks the provider what became of a payment (for payments whose notification never came). */
    ProviderStatus query(QueryOrder order);

    /** Gives money back; returns the provider's refund transaction id. */
    String refund(RefundOrder order);

    /**
     * Verifies the signature of a server-to-server notification and reads it.
     *
     * @throws NoticeRejected when the signature, the merchant or the format is wrong: nothing may change then
     */
    ProviderNotice read(Map<String, String> fields) throws NoticeRejected;

    record CheckoutOrder(String paymentId, String reference, String dossierCode, long amountVnd, List<FeeLine> fees,
                         String description, String returnUrl, String notifyUrl, OffsetDateTime createdAt,
                         OffsetDateTime expiresAt, String clientIp) {
    }

    record Checkout(String redirectUrl, String providerTransactionId) {
    }

    record QueryOrder(String reference, String dossierCode, String providerTransactionId, OffsetDateTime startedAt) {
    }

    enum Outcome { SUCCEEDED, FAILED, CANCELLED, PENDING, NOT_FOUND }

    record ProviderStatus(Outcome outcome, String providerTransactionId, long amountVnd, String currency, String code) {
    }

    record RefundOrder(String refundId, String reference, String providerTransactionId, long amountVnd,
                       long paymentAmountVnd, String requestedBy, OffsetDateTime paidAt) {
    }

    /**
     * A verified notification.
     *
     * @param reference      our payment reference the provider echoes back
     * @param orderReference the dossier code where the protocol carries it (platform), else null
     */
    record ProviderNotice(String reference, String orderReference, String providerTransactionId, long amountVnd,
                          String currency, Outcome outcome, String responseCode) {
    }

    class NoticeRejected extends Exception {
        private final NotificationVerdict verdict;

        public NoticeRejected(NotificationVerdict verdict, String detail) {
            super(detail);
            this.verdict = verdict;
        }

        public NotificationVerdict verdict() {
            return verdict;
        }
    }
}
