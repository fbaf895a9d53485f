package vn.motcua.delivery.waybill;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S10Test {

    @Test
    void check_digit_follows_the_upu_s10_weights() {
        assertThat(S10.checkDigit(47_312_482)).isEqualTo(9); // RR473124829GB, the UPU's own example
        assertThat(S10.of("RR", 47_312_482, "GB")).isEqualTo("RR473124829GB");
        assertThat(S10.checkDigit(0)).isEqualTo(5);          // remainder 0 → 5
    }

    @Test
    void valid_numbers_are_recognised_and_typos_are_not() {
        for (long serial = 10_000_000; serial < 10_000_200; serial++) {
            String number = S10.of("EL", serial, "VN");
            assertThat(S10.valid(number)).as(number).isTrue();
            char wrong = (char) ('0' + (number.charAt(10) - '0' + 1) % 10);
            assertThat(S10.valid(number.substring(0, 10) + wrong + "VN")).isFalse();
        }
        assertThat(S10.valid(null)).isFalse();
        assertThat(S10.valid("EL12345678VN")).isFalse();
        assertThat(S10.valid("el100000017vn")).isFalse();
        assertThatThrownBy(() -> S10.checkDigit(100_000_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
