package vn.motcua.delivery.order;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.delivery.order.DeliveryStatus.*;

/** Every pair (from, to) of the operator-driven state machine, against a table written out by hand. */
class DeliveryStatusTest {

    private static final Set<DeliveryStatus> FORWARD = EnumSet.of(IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERY_FAILED,
            AVAILABLE_FOR_PICKUP, DELIVERED, RETURNING, RETURNED, LOST);

    private static final Map<DeliveryStatus, Set<DeliveryStatus>> ALLOWED = Map.ofEntries(
            Map.entry(WAITING_FOR_WAYBILL, EnumSet.noneOf(DeliveryStatus.class)),
            Map.entry(DISPATCHED, EnumSet.of(PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERY_FAILED,
                    AVAILABLE_FOR_PICKUP, DELIVERED, LOST, CANCELLED)),
            Map.entry(PICKED_UP, FORWARD),
            Map.entry(IN_TRANSIT, FORWARD),
            Map.entry(OUT_FOR_DELIVERY, FORWARD),
            Map.entry(DELIVERY_FAILED, FORWARD),
            Map.entry(AVAILABLE_FOR_PICKUP, FORWARD),
            Map.entry(RETURNING, EnumSet.of(RETURNING, RETURNED, LOST)),
            Map.entry(DELIVERED, EnumSet.noneOf(DeliveryStatus.class)),
            Map.entry(RETURNED, EnumSet.noneOf(DeliveryStatus.class)),
            Map.entry(LOST, EnumSet.noneOf(DeliveryStatus.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(DeliveryStatus.class)));

    @Test
    void operator_moves_match_the_table_for_every_pair() {
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(DeliveryStatus.values());
        int checked = 0;
        for (DeliveryStatus from : DeliveryStatus.values()) {
            for (DeliveryStatus to : DeliveryStatus.values()) {
                assertThat(from.operatorMayMoveTo(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(144);
    }

    @Test
    void terminal_states_never_move_and_ours_are_never_reported() {
        for (DeliveryStatus terminal : EnumSet.of(DELIVERED, RETURNED, LOST, CANCELLED)) {
            assertThat(terminal.terminal()).isTrue();
            for (DeliveryStatus to : DeliveryStatus.values()) {
                assertThat(terminal.operatorMayMoveTo(to)).isFalse();
            }
        }
        for (DeliveryStatus from : DeliveryStatus.values()) {
            assertThat(from.operatorMayMoveTo(WAITING_FOR_WAYBILL)).isFalse();
            assertThat(from.operatorMayMoveTo(DISPATCHED)).isFalse();
        }
    }

    @Test
    void only_orders_not_yet_picked_up_can_be_cancelled_or_readdressed() {
        for (DeliveryStatus status : DeliveryStatus.values()) {
            boolean before = status == WAITING_FOR_WAYBILL || status == DISPATCHED;
            assertThat(status.cancellable()).as(status.name()).isEqualTo(before);
            assertThat(status.beforePickup()).as(status.name()).isEqualTo(before);
        }
    }
}
