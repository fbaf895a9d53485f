package vn.motcua.notification.message;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.notification.message.DeliveryStatus.*;

class DeliveryStatusTest {

    private static final Map<DeliveryStatus, Set<DeliveryStatus>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(SENDING, PERMANENT_FAILURE),
            SENDING, EnumSet.of(SENDING, DELIVERED, TEMPORARY_FAILURE, TECHNICAL_FAILURE, PERMANENT_FAILURE),
            TEMPORARY_FAILURE, EnumSet.of(SENDING, QUEUED),
            TECHNICAL_FAILURE, EnumSet.of(SENDING, QUEUED),
            PERMANENT_FAILURE, EnumSet.of(QUEUED),
            DELIVERED, EnumSet.noneOf(DeliveryStatus.class));

    @Test
    void every_transition_is_allowed_or_refused_exactly_as_specified() {
        for (DeliveryStatus from : values()) {
            for (DeliveryStatus to : values()) {
                assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void delivered_is_terminal_and_only_temporary_and_technical_failures_are_retried() {
        assertThat(DELIVERED.next()).isEmpty();
        assertThat(EnumSet.allOf(DeliveryStatus.class).stream().filter(DeliveryStatus::isRetryable))
                .containsExactlyInAnyOrder(TEMPORARY_FAILURE, TECHNICAL_FAILURE);
        assertThat(EnumSet.allOf(DeliveryStatus.class).stream().filter(DeliveryStatus::isFailure))
                .containsExactlyInAnyOrder(TEMPORARY_FAILURE, TECHNICAL_FAILURE, PERMANENT_FAILURE);
    }
}
