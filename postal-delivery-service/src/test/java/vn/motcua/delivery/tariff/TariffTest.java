package vn.motcua.delivery.tariff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TariffTest {

    private final Tariff tariff = new Tariff(22_000, 32_000, 20, 5_000, 1_000);

    @Test
    void base_price_depends_on_the_province() {
        assertThat(tariff.feeVnd("01", "01", false, false)).isEqualTo(22_000);
        assertThat(tariff.feeVnd("01", "79", false, false)).isEqualTo(32_000);
        assertThat(tariff.feeVnd(null, "79", false, false)).isEqualTo(32_000);
    }

    @Test
    void online_filing_is_discounted_and_cash_collection_is_charged() {
        assertThat(tariff.feeVnd("01", "01", true, false)).isEqualTo(17_600 + 400); // 17 600 rounded up to 18 000
        assertThat(tariff.feeVnd("01", "01", true, true)).isEqualTo(23_000);        // 17 600 + 5 000 → 23 000
        assertThat(tariff.feeVnd("01", "79", false, true)).isEqualTo(37_000);
    }

    @Test
    void fees_are_rounded_up_to_whole_thousands() {
        Tariff odd = new Tariff(22_350, 32_000, 0, 0, 1_000);
        assertThat(odd.feeVnd("01", "01", false, false)).isEqualTo(23_000);
        assertThat(new Tariff(22_000, 32_000, 100, 0, 1_000).feeVnd("01", "01", true, false)).isZero();
    }

    @Test
    void nonsense_tariffs_are_refused() {
        assertThatThrownBy(() -> new Tariff(-1, 0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tariff(1, 1, 101, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tariff(1, 1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
