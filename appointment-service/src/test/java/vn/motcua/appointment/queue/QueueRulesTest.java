package vn.motcua.appointment.queue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.appointment.queue.TicketStatus.*;

class QueueRulesTest {

    @Test
    void queue_numbers_carry_the_counter_group_prefix_and_three_digits() {
        assertThat(QueueNumbers.display("A", 1)).isEqualTo("A001");
        assertThat(QueueNumbers.display("B", 42)).isEqualTo("B042");
        assertThat(QueueNumbers.display("AB", 999)).isEqualTo("AB999");
        assertThat(QueueNumbers.display("A", 1000)).isEqualTo("A1000");
        assertThatThrownBy(() -> QueueNumbers.display("A", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_wait_is_the_rounds_of_people_ahead_over_the_open_counters() {
        Duration each = Duration.ofMinutes(10);
        assertThat(QueueNumbers.estimatedWait(0, 2, each)).isZero();
        assertThat(QueueNumbers.estimatedWait(1, 2, each)).isEqualTo(Duration.ofMinutes(10));
        assertThat(QueueNumbers.estimatedWait(2, 2, each)).isEqualTo(Duration.ofMinutes(10));
        assertThat(QueueNumbers.estimatedWait(3, 2, each)).isEqualTo(Duration.ofMinutes(20));
        assertThat(QueueNumbers.estimatedWait(5, 1, each)).isEqualTo(Duration.ofMinutes(50));
        assertThat(QueueNumbers.estimatedWait(5, 0, each)).as("no counter open counts as one").isEqualTo(Duration.ofMinutes(50));
    }

    @Test
    void ticket_transitions_are_exactly_these() {
        Map<TicketStatus, Set<TicketStatus>> allowed = Map.of(
                WAITING, EnumSet.of(CALLED, NO_SHOW),
                CALLED, EnumSet.of(CALLED, SERVED, NO_SHOW),
                SERVED, EnumSet.noneOf(TicketStatus.class),
                NO_SHOW, EnumSet.noneOf(TicketStatus.class));
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(allowed.get(from).contains(to));
            }
        }
    }
}
