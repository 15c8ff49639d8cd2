package dev.synwarm.net;

import java.util.Arrays;

/** Percentiles of a sample with linear interpolation between order statistics (R type 7, numpy's default). */
final class Percentiles {
    private final double[] sorted;

    Percentiles(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    /** {@code p} in [0, 100]. */
    double at(double p) {
        double h = (sorted.length - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    int count() {
        return sorted.length;
    }
}
