package vn.motcua.payment.provider;

/**
 * What we made of a provider notification. Each provider turns it into its own response code. Only ACCEPTED and
 * LATE_ACCEPTED change a payment.
 */
public enum NotificationVerdict {
    /** Verified and applied. */
    ACCEPTED,
    /** A success for a payment we had closed (failed, cancelled, expired): money was taken, so it is applied. */
    LATE_ACCEPTED,
    /** The same outcome was applied before (a retry or a replay): acknowledged, nothing changes. */
    DUPLICATE,
    /** A non-success for a payment that is already final: acknowledged, nothing changes (success is never undone). */
    IGNORED_FINAL,
    REJECTED_SIGNATURE,
    REJECTED_MALFORMED,
    REJECTED_UNKNOWN_REFERENCE,
    REJECTED_AMOUNT,
    REJECTED_CURRENCY;

    public boolean rejected() {
        return name().startsWith("REJECTED");
    }
}
