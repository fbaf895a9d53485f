package vn.motcua.payment.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of one payment attempt. Plain Java so that every allowed and refused transition is unit-tested.
 *
 * <pre>
 * CREATED ─start→ PENDING ─notification/query→ SUCCEEDED │ FAILED │ CANCELLED
 * CREATED/PENDING ─obligation deadline→ EXPIRED
 * FAILED/CANCELLED/EXPIRED ─late success from the provider→ SUCCEEDED   (money was taken: we never ignore it)
 * SUCCEEDED/PARTIALLY_REFUNDED ─refund request→ REFUND_REQUESTED ─→ PARTIALLY_REFUNDED │ REFUNDED
 * REFUND_REQUESTED ─rejected→ SUCCEEDED │ PARTIALLY_REFUNDED
 * </pre>
 */
public enum PaymentStatus {
    CREATED, PENDING, SUCCEEDED, FAILED, CANCELLED, EXPIRED, REFUND_REQUESTED, PARTIALLY_REFUNDED, REFUNDED;

    public Set<PaymentStatus> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(PENDING, CANCELLED, EXPIRED);
            case PENDING -> EnumSet.of(SUCCEEDED, FAILED, CANCELLED, EXPIRED);
            case FAILED, CANCELLED, EXPIRED -> EnumSet.of(SUCCEEDED);
            case SUCCEEDED -> EnumSet.of(REFUND_REQUESTED, PARTIALLY_REFUNDED, REFUNDED);
            case PARTIALLY_REFUNDED -> EnumSet.of(REFUND_REQUESTED, REFUNDED);
            case REFUND_REQUESTED -> EnumSet.of(SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED);
            case REFUNDED -> EnumSet.noneOf(PaymentStatus.class);
        };
    }

    public boolean canBecome(PaymentStatus target) {
        return next().contains(target);
    }

    /** Still waiting for money: at most one such payment per obligation. */
    public boolean isOpen() {
        return this == CREATED || this == PENDING;
    }

    /** The money reached us (possibly given back in part since). */
    public boolean isPaid() {
        return this == SUCCEEDED || this == REFUND_REQUESTED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    /** Closed without money: a success can still arrive late from the provider. */
    public boolean isUnpaidEnd() {
        return this == FAILED || this == CANCELLED || this == EXPIRED;
    }
}
