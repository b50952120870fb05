package dev.cairn.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Order statistics of a sample (nearest rank). */
final class Stats {
    private Stats() {}

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static Map<String, Object> summary(double[] values) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("n", values.length);
        summary.put("median", round(median(values)));
        summary.put("p90", round(percentile(values, 90)));
        summary.put("min", round(percentile(values, 0)));
        summary.put("max", round(percentile(values, 100)));
        return summary;
    }

    static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
