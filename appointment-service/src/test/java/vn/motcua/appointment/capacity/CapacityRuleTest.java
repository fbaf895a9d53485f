package vn.motcua.appointment.capacity;

import org.junit.jupiter.api.Test;
import vn.motcua.appointment.capacity.CapacityRule.Policy;
import vn.motcua.appointment.capacity.CapacityRule.SlotCapacity;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapacityRuleTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final String P = "1.001193";

    @Test
    void without_policy_the_quotas_are_the_seats() {
        assertThat(CapacityRule.effective(6, 2, P, DAY, List.of())).isEqualTo(new SlotCapacity(6, 2));
    }

    @Test
    void half_of_the_seats_rounds_down() {
        Policy half = new Policy(null, DAY, null, 50, null);
        assertThat(CapacityRule.effective(6, 2, P, DAY, List.of(half))).isEqualTo(new SlotCapacity(3, 1));
        assertThat(CapacityRule.effective(3, 1, P, DAY, List.of(half))).isEqualTo(new SlotCapacity(1, 0));
    }

    @Test
    void a_maximum_per_slot_caps_both_quotas() {
        Policy two = new Policy(null, DAY, null, null, 2);
        assertThat(CapacityRule.effective(6, 3, P, DAY, List.of(two))).isEqualTo(new SlotCapacity(2, 2));
        assertThat(CapacityRule.effective(1, 0, P, DAY, List.of(two))).isEqualTo(new SlotCapacity(1, 0));
    }

    @Test
    void percent_and_maximum_together_take_the_smaller() {
        Policy both = new Policy(null, DAY, null, 50, 2);
        assertThat(CapacityRule.effective(10, 4, P, DAY, List.of(both))).isEqualTo(new SlotCapacity(2, 2));
        assertThat(CapacityRule.effective(2, 2, P, DAY, List.of(both))).isEqualTo(new SlotCapacity(1, 1));
    }

    @Test
    void the_strictest_of_several_policies_wins() {
        List<Policy> policies = List.of(new Policy(null, DAY, null, 80, null), new Policy(P, DAY, null, null, 3),
                new Policy(null, DAY, null, 50, null));
        assertThat(CapacityRule.effective(10, 4, P, DAY, policies)).isEqualTo(new SlotCapacity(3, 2));
    }

    @Test
    void a_policy_applies_only_within_its_dates_inclusive() {
        Policy december = new Policy(null, DAY, DAY.plusDays(13), 50, null);
        assertThat(CapacityRule.effective(4, 2, P, DAY.minusDays(1), List.of(december))).isEqualTo(new SlotCapacity(4, 2));
        assertThat(CapacityRule.effective(4, 2, P, DAY, List.of(december))).isEqualTo(new SlotCapacity(2, 1));
        assertThat(CapacityRule.effective(4, 2, P, DAY.plusDays(13), List.of(december))).isEqualTo(new SlotCapacity(2, 1));
        assertThat(CapacityRule.effective(4, 2, P, DAY.plusDays(14), List.of(december))).isEqualTo(new SlotCapacity(4, 2));
        Policy openEnded = new Policy(null, DAY, null, 50, null);
        assertThat(CapacityRule.effective(4, 2, P, DAY.plusYears(3), List.of(openEnded))).isEqualTo(new SlotCapacity(2, 1));
    }

    @Test
    void a_policy_for_one_procedure_leaves_the_others_alone() {
        Policy other = new Policy("2.000908", DAY, null, 0, null);
        assertThat(CapacityRule.effective(4, 2, P, DAY, List.of(other))).isEqualTo(new SlotCapacity(4, 2));
        assertThat(CapacityRule.effective(4, 2, "2.000908", DAY, List.of(other))).isEqualTo(new SlotCapacity(0, 0));
    }

    @Test
    void a_policy_must_limit_something_sensible() {
        assertThatThrownBy(() -> new Policy(null, DAY, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Policy(null, DAY, null, 101, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Policy(null, DAY, null, null, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Policy(null, DAY, DAY.minusDays(1), 50, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
