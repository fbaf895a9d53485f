package vn.motcua.contracts.common;

/** One fee or charge line; money is always an integer number of Vietnamese đồng. */
public record FeeLine(String code, String name, long amountVnd) {
}
