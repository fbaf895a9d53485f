package vn.motcua.payment.refund;

import vn.motcua.web.problem.ApiException;

/** Domain errors of refunds. */
public final class RefundProblems {

    private RefundProblems() {
    }

    /** 412: the refundable amount the officer saw is no longer true (someone refunded meanwhile). */
    public static class RefundableChanged extends ApiException {
        public RefundableChanged(long expected, long actual) {
            super(412, "REFUNDABLE_AMOUNT_CHANGED", "Precondition failed",
                    "the request expected " + expected + " VND refundable, but " + actual + " VND is refundable now; read the payment again");
        }
    }

    public static class ExceedsRefundable extends ApiException {
        public ExceedsRefundable(long amount, long refundable) {
            super(422, "REFUND_EXCEEDS_REFUNDABLE", "Refused by a business rule",
                    "cannot refund " + amount + " VND: only " + refundable + " VND is refundable");
        }
    }

    public static class RefundInProgress extends ApiException {
        public RefundInProgress(String paymentId) {
            super(409, "REFUND_IN_PROGRESS", "A refund is awaiting approval",
                    "payment " + paymentId + " has a refund awaiting a leader's decision");
        }
    }

    public static class NotRefundable extends ApiException {
        public NotRefundable(String paymentId, String status) {
            super(409, "PAYMENT_NOT_REFUNDABLE", "Not allowed in the current state",
                    "payment " + paymentId + " is " + status + "; only paid payments can be refunded");
        }
    }

    public static class NotAwaitingApproval extends ApiException {
        public NotAwaitingApproval(String refundId, String status) {
            super(409, "REFUND_NOT_AWAITING_APPROVAL", "Not allowed in the current state", "refund " + refundId + " is " + status);
        }
    }

    public static class SelfApproval extends ApiException {
        public SelfApproval() {
            super(422, "SELF_APPROVAL", "Refused by a business rule", "a refund must be approved by someone other than its requester");
        }
    }
}
