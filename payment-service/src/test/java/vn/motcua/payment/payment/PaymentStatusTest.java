package vn.motcua.payment.payment;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.payment.payment.PaymentStatus.*;

/** Every pair of statuses: exactly the transitions of the documented lifecycle are allowed. */
class PaymentStatusTest {

    static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = Map.of(
            CREATED, EnumSet.of(PENDING, CANCELLED, EXPIRED),
            PENDING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED, EXPIRED),
            SUCCEEDED, EnumSet.of(REFUND_REQUESTED, PARTIALLY_REFUNDED, REFUNDED),
            FAILED, EnumSet.of(SUCCEEDED),
            CANCELLED, EnumSet.of(SUCCEEDED),
            EXPIRED, EnumSet.of(SUCCEEDED),
            REFUND_REQUESTED, EnumSet.of(SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED),
            PARTIALLY_REFUNDED, EnumSet.of(REFUND_REQUESTED, REFUNDED),
            REFUNDED, EnumSet.noneOf(PaymentStatus.class));

    @Test
    void exactly_the_lifecycle_transitions_are_allowed() {
        for (PaymentStatus from : values()) {
            for (PaymentStatus to : values()) {
                assertThat(from.canBecome(to)).as("%s -> %s", from, to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void classification() {
        assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(PaymentStatus::isOpen)).containsExactlyInAnyOrder(CREATED, PENDING);
        assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(PaymentStatus::isPaid))
                .containsExactlyInAnyOrder(SUCCEEDED, REFUND_REQUESTED, PARTIALLY_REFUNDED, REFUNDED);
        assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(PaymentStatus::isUnpaidEnd))
                .containsExactlyInAnyOrder(FAILED, CANCELLED, EXPIRED);
        assertThat(REFUNDED.next()).isEmpty();
    }

    @Test
    void references_are_unguessable_and_unambiguous() {
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String ref = PaymentService.newReference();
            assertThat(ref).matches("P[A-HJ-NP-Z2-9]{11}");
            assertThat(seen.add(ref)).isTrue();
        }
    }
}
