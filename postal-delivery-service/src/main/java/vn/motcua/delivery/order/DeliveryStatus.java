package vn.motcua.delivery.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a delivery order is. The first two are ours (before the operator has it); the rest are the normalised
 * operator statuses. The allowed moves are listed per state: an operator may skip states (not every operator
 * reports IN_TRANSIT), but never go back to an earlier leg, and a terminal state never changes.
 */
public enum DeliveryStatus {
    /** No waybill number is free for the operator: the order waits until a range is added. */
    WAITING_FOR_WAYBILL,
    /** Published to the operator on {@code postal.orders}; not picked up yet. */
    DISPATCHED,
    PICKED_UP,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERY_FAILED,
    AVAILABLE_FOR_PICKUP,
    DELIVERED,
    RETURNING,
    RETURNED,
    LOST,
    CANCELLED;

    /** Statuses an operator may report (ours are never reported). */
    public static final Set<DeliveryStatus> REPORTABLE = EnumSet.range(PICKED_UP, CANCELLED);
    private static final Set<DeliveryStatus> TERMINAL = EnumSet.of(DELIVERED, RETURNED, LOST, CANCELLED);
    /** On the way to the receiver: these may repeat (another post office, another attempt). */
    private static final Set<DeliveryStatus> FORWARD_LEG = EnumSet.of(IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERY_FAILED,
            AVAILABLE_FOR_PICKUP);

    public boolean terminal() {
        return TERMINAL.contains(this);
    }

    /** Not yet picked up: the order may still be cancelled or its address changed. */
    public boolean beforePickup() {
        return this == WAITING_FOR_WAYBILL || this == DISPATCHED;
    }

    /** Whether an operator report of {@code next} may move an order from this status. */
    public boolean operatorMayMoveTo(DeliveryStatus next) {
        if (!REPORTABLE.contains(next) || terminal()) {
            return false;
        }
        return switch (this) {
            // the operator cannot know an order it has not received
            case WAITING_FOR_WAYBILL -> false;
            case DISPATCHED -> next != RETURNING && next != RETURNED;
            case PICKED_UP -> next != PICKED_UP && next != CANCELLED;
            case IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERY_FAILED, AVAILABLE_FOR_PICKUP ->
                    FORWARD_LEG.contains(next) || next == DELIVERED || next == RETURNING || next == RETURNED || next == LOST;
            case RETURNING -> next == RETURNING || next == RETURNED || next == LOST;
            default -> false;
        };
    }

    /** Whether an officer may cancel: only before the operator has picked the parcel up. */
    public boolean cancellable() {
        return beforePickup();
    }
}
