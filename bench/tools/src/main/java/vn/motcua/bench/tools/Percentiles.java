package vn.motcua.bench.tools;

import java.util.Arrays;
import java.util.Locale;

/** Latency summary printed as one machine-readable line: {@code name n=.. p50=.. p95=.. p99=.. max=..} (ms). */
final class Percentiles {

    private Percentiles() {
    }

    static String summary(String name, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%s n=%d p50=%.2f p95=%.2f p99=%.2f max=%.2f", name, sorted.length,
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double at(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
