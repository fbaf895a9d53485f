package vn.motcua.payment.payment;

import vn.motcua.web.problem.ApiException;

/** Domain errors of payments, each with its stable code. */
public final class PaymentProblems {

    private PaymentProblems() {
    }

    public static class AlreadyPaid extends ApiException {
        public AlreadyPaid(String dossierCode) {
            super(409, "ALREADY_PAID", "Already paid", "the fee of dossier " + dossierCode + " is already paid");
        }
    }

    public static class PaymentInProgress extends ApiException {
        public PaymentInProgress(String openPaymentId) {
            super(409, "PAYMENT_IN_PROGRESS", "A payment is in progress",
                    "payment " + openPaymentId + " of this obligation is still open; wait for its outcome or for it to time out");
        }
    }

    public static class WindowClosed extends ApiException {
        public WindowClosed(String dossierCode) {
            super(422, "PAYMENT_WINDOW_CLOSED", "Refused by a business rule",
                    "the time to pay for dossier " + dossierCode + " has passed");
        }
    }

    public static class ReturnUrlNotAllowed extends ApiException {
        public ReturnUrlNotAllowed() {
            super(422, "RETURN_URL_NOT_ALLOWED", "Refused by a business rule",
                    "returnUrl is not one of the allowed return addresses");
        }
    }
}
