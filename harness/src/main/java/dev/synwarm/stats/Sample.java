package dev.synwarm.stats;

import java.util.Arrays;

/**
 * A sorted, immutable batch of observations (e.g. one mode's end-to-end latencies in one cell).
 * Quantiles use linear interpolation between order statistics (Hyndman–Fan type 7, the default of R,
 * numpy and pandas) so the notebook's numbers match these.
 */
public final class Sample {
    private final double[] sorted;

    private Sample(double[] sorted) {
        this.sorted = sorted;
    }

    /** The finite values of {@code values}, sorted; NaN marks a missing point and is dropped. */
    public static Sample of(double... values) {
        return new Sample(Arrays.stream(values).filter(Double::isFinite).sorted().toArray());
    }

    public int n() {
        return sorted.length;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /** The i-th order statistic, 1-based as in the textbooks: x(1) is the minimum, x(n) the maximum. */
    public double orderStatistic(int i) {
        if (i < 1 || i > sorted.length) {
            throw new IllegalArgumentException("order statistic " + i + " of a sample of " + sorted.length);
        }
        return sorted[i - 1];
    }

    /** The p-quantile (0 ≤ p ≤ 1), type 7; NaN for an empty sample. */
    public double quantile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public double median() {
        return quantile(0.5);
    }

    public double mean() {
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).sum() / sorted.length;
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** A copy of the sorted values (for plotting CDFs). */
    public double[] values() {
        return sorted.clone();
    }
}
