package vn.motcua.payment.obligation;

import vn.motcua.contracts.common.FeeLine;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The postal return fee with its discount rules. A rule applies on a day inside its validity window (both ends
 * inclusive) and, if {@code onlineOnly}, only to dossiers filed online; when several apply the largest wins —
 * discounts are promotions, not stackable coupons. Amounts round down to the đồng in the applicant's favour.
 */
public record PostalTariff(long baseFeeVnd, String feeName, List<Rule> rules) {

    public static final String FEE_CODE = "POSTAL_RETURN";

    public PostalTariff {
        if (baseFeeVnd < 0) {
            throw new IllegalArgumentException("postal fee must not be negative");
        }
        rules = List.copyOf(rules);
        for (Rule rule : rules) {
            if (rule.percent() < 1 || rule.percent() > 100) {
                throw new IllegalArgumentException("discount " + rule.code() + ": percent must be 1..100");
            }
        }
    }

    public record Rule(String code, int percent, boolean onlineOnly, LocalDate validFrom, Optional<LocalDate> validUntil) {
        boolean appliesTo(LocalDate day, boolean online) {
            return (!onlineOnly || online) && !day.isBefore(validFrom) && validUntil.map(u -> !day.isAfter(u)).orElse(true);
        }
    }

    public Optional<Rule> discountFor(LocalDate day, boolean online) {
        return rules.stream().filter(r -> r.appliesTo(day, online)).max(Comparator.comparingInt(Rule::percent));
    }

    /** The fee line for a postal return requested on {@code day}. */
    public FeeLine feeLine(LocalDate day, boolean online) {
        Optional<Rule> discount = discountFor(day, online);
        long amount = discount.map(r -> baseFeeVnd * (100 - r.percent()) / 100).orElse(baseFeeVnd);
        String name = discount.map(r -> feeName + " (giảm " + r.percent() + "%)").orElse(feeName);
        return new FeeLine(FEE_CODE, name, amount);
    }
}
