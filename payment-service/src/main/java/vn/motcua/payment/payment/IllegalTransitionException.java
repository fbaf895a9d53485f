package vn.motcua.payment.payment;

import vn.motcua.web.problem.ApiException;

/** 409: the payment's current status does not allow the requested change. */
public class IllegalTransitionException extends ApiException {
    public IllegalTransitionException(String paymentId, PaymentStatus from, PaymentStatus to) {
        super(409, "PAYMENT_WRONG_STATE", "Not allowed in the current state",
                "payment " + paymentId + " is " + from + " and cannot become " + to);
    }
}
