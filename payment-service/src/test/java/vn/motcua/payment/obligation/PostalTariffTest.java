package vn.motcua.payment.obligation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostalTariffTest {

    static final PostalTariff TARIFF = new PostalTariff(30_000, "Phí chuyển phát", List.of(
            new PostalTariff.Rule("ONLINE_20", 20, true, LocalDate.of(2026, 1, 1), Optional.of(LocalDate.of(2026, 12, 31))),
            new PostalTariff.Rule("TET_10", 10, false, LocalDate.of(2026, 2, 10), Optional.of(LocalDate.of(2026, 2, 20))),
            new PostalTariff.Rule("FOREVER_5", 5, false, LocalDate.of(2027, 1, 1), Optional.empty())));

    @Test
    void the_online_discount_applies_to_online_dossiers_inside_its_window_only() {
        assertThat(TARIFF.feeLine(LocalDate.of(2026, 11, 23), true).amountVnd()).isEqualTo(24_000);
        assertThat(TARIFF.feeLine(LocalDate.of(2026, 11, 23), false).amountVnd()).isEqualTo(30_000);
        assertThat(TARIFF.feeLine(LocalDate.of(2026, 1, 1), true).amountVnd()).isEqualTo(24_000);   // first day included
        assertThat(TARIFF.feeLine(LocalDate.of(2026, 12, 31), true).amountVnd()).isEqualTo(24_000); // last day included
        assertThat(TARIFF.feeLine(LocalDate.of(2025, 12, 31), true).amountVnd()).isEqualTo(30_000);
    }

    @Test
    void the_largest_applicable_discount_wins_and_they_do_not_add_up() {
        assertThat(TARIFF.discountFor(LocalDate.of(2026, 2, 15), true).orElseThrow().code()).isEqualTo("ONLINE_20");
        assertThat(TARIFF.discountFor(LocalDate.of(2026, 2, 15), false).orElseThrow().code()).isEqualTo("TET_10");
        assertThat(TARIFF.feeLine(LocalDate.of(2026, 2, 15), true).amountVnd()).isEqualTo(24_000);
        assertThat(TARIFF.feeLine(LocalDate.of(2030, 6, 1), false).amountVnd()).isEqualTo(28_500); // open-ended rule
    }

    @Test
    void the_line_is_coded_and_named() {
        var line = TARIFF.feeLine(LocalDate.of(2026, 11, 23), true);
        assertThat(line.code()).isEqualTo("POSTAL_RETURN");
        assertThat(line.name()).isEqualTo("Phí chuyển phát (giảm 20%)");
        assertThat(TARIFF.feeLine(LocalDate.of(2026, 11, 23), false).name()).isEqualTo("Phí chuyển phát");
    }

    @Test
    void amounts_round_down_and_invalid_rules_are_refused() {
        PostalTariff odd = new PostalTariff(33_333, "x", List.of(new PostalTariff.Rule("R", 33, false, LocalDate.MIN, Optional.empty())));
        assertThat(odd.feeLine(LocalDate.of(2026, 1, 1), false).amountVnd()).isEqualTo(22_333);
        assertThatThrownBy(() -> new PostalTariff(-1, "x", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PostalTariff(1, "x", List.of(new PostalTariff.Rule("R", 101, false, LocalDate.MIN, Optional.empty()))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
