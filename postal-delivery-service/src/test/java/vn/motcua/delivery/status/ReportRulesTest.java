package vn.motcua.delivery.status;

import org.junit.jupiter.api.Test;
import vn.motcua.delivery.order.DeliveryStatus;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.delivery.order.DeliveryStatus.*;

class ReportRulesTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-23T09:00:00+07:00");

    private static ReportOutcome decide(DeliveryStatus current, OffsetDateTime last, DeliveryStatus reported,
                                        OffsetDateTime at) {
        return ReportRules.decide(current, last, reported, at).outcome();
    }

    @Test
    void every_report_to_a_terminal_order_is_ignored() {
        for (DeliveryStatus terminal : new DeliveryStatus[]{DELIVERED, RETURNED, LOST, CANCELLED}) {
            for (DeliveryStatus reported : DeliveryStatus.REPORTABLE) {
                assertThat(decide(terminal, T0, reported, T0.plusDays(1))).isEqualTo(ReportOutcome.IGNORED_TERMINAL);
                assertThat(decide(terminal, T0, reported, T0.minusDays(1))).isEqualTo(ReportOutcome.IGNORED_TERMINAL);
            }
        }
    }

    @Test
    void a_report_older_than_the_current_status_is_out_of_order_whatever_it_says() {
        for (DeliveryStatus reported : DeliveryStatus.REPORTABLE) {
            assertThat(decide(IN_TRANSIT, T0, reported, T0.minusMinutes(1))).as(reported.name())
                    .isEqualTo(ReportOutcome.OUT_OF_ORDER);
        }
    }

    @Test
    void forward_moves_apply_and_earlier_legs_are_out_of_order() {
        assertThat(decide(DISPATCHED, null, PICKED_UP, T0)).isEqualTo(ReportOutcome.APPLIED);
        assertThat(decide(PICKED_UP, T0, IN_TRANSIT, T0.plusHours(1))).isEqualTo(ReportOutcome.APPLIED);
        assertThat(decide(IN_TRANSIT, T0, IN_TRANSIT, T0.plusHours(1))).isEqualTo(ReportOutcome.APPLIED);
        assertThat(decide(DELIVERY_FAILED, T0, OUT_FOR_DELIVERY, T0.plusHours(1))).isEqualTo(ReportOutcome.APPLIED);
        assertThat(decide(DELIVERY_FAILED, T0, DELIVERED, T0.plusHours(1))).isEqualTo(ReportOutcome.APPLIED);
        // same instant counts as news: operators report several steps with one timestamp
        assertThat(decide(PICKED_UP, T0, IN_TRANSIT, T0)).isEqualTo(ReportOutcome.APPLIED);
        // newer timestamp, but an earlier leg of the journey
        assertThat(decide(IN_TRANSIT, T0, PICKED_UP, T0.plusHours(1))).isEqualTo(ReportOutcome.OUT_OF_ORDER);
        assertThat(decide(PICKED_UP, T0, PICKED_UP, T0.plusHours(1))).isEqualTo(ReportOutcome.OUT_OF_ORDER);
        // once on the way back to the sender, a delivery to the applicant is a stale report of the outward leg
        assertThat(decide(RETURNING, T0, DELIVERED, T0.plusHours(1))).isEqualTo(ReportOutcome.OUT_OF_ORDER);
    }

    @Test
    void impossible_moves_are_refused() {
        assertThat(decide(DISPATCHED, null, RETURNING, T0)).isEqualTo(ReportOutcome.REJECTED);
        assertThat(decide(DISPATCHED, null, RETURNED, T0)).isEqualTo(ReportOutcome.REJECTED);
        assertThat(decide(PICKED_UP, T0, CANCELLED, T0.plusHours(1))).isEqualTo(ReportOutcome.REJECTED);
        assertThat(decide(WAITING_FOR_WAYBILL, null, PICKED_UP, T0)).isEqualTo(ReportOutcome.REJECTED);
    }
}
