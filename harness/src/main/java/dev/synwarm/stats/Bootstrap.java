package dev.synwarm.stats;

import java.util.Optional;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Percentile bootstrap (Efron &amp; Tibshirani, <i>An Introduction to the Bootstrap</i>, 1993, ch. 13) for
 * a statistic of two independent samples, e.g. the difference or ratio of the medians of cold and
 * pre-warmed latencies. Each replicate resamples both samples with replacement; the interval is the
 * (1 − γ)/2 and (1 + γ)/2 quantiles of the replicates. Seeded, so a summary is reproducible bit for bit.
 */
public final class Bootstrap {
    public static final int DEFAULT_RESAMPLES = 2000;
    /** Below this many observations per side the bootstrap distribution is too coarse to report. */
    public static final int MIN_N = 5;

    private final int resamples;
    private final long seed;

    public Bootstrap(int resamples, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples " + resamples + " < 100");
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    /** A statistic of two samples (first, second), e.g. median(first) − median(second). */
    @FunctionalInterface
    public interface TwoSampleStatistic {
        double apply(Sample first, Sample second);
    }

    public static final TwoSampleStatistic MEDIAN_DIFFERENCE = (a, b) -> a.median() - b.median();
    public static final TwoSampleStatistic MEDIAN_RATIO = (a, b) -> a.median() / b.median();

    /**
     * The interval of {@code stat} at {@code level}; {@code stream} separates the random streams of
     * different comparisons (e.g. a stable hash of cell and mode) so adding a cell does not change the
     * others' intervals.
     */
    public Optional<Interval> interval(Sample a, Sample b, TwoSampleStatistic stat, double level, long stream) {
        if (a.n() < MIN_N || b.n() < MIN_N) {
            return Optional.empty();
        }
        RandomGenerator rng = new Well19937c(seed ^ (stream * 0x9E3779B97F4A7C15L));
        double[] av = a.values();
        double[] bv = b.values();
        double[] reps = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            reps[r] = stat.apply(resample(av, rng), resample(bv, rng));
        }
        Sample dist = Sample.of(reps);
        if (dist.n() < resamples / 2) { // the statistic was undefined in most replicates
            return Optional.empty();
        }
        return Optional.of(new Interval(dist.quantile((1 - level) / 2), dist.quantile((1 + level) / 2)));
    }

    private static Sample resample(double[] v, RandomGenerator rng) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[rng.nextInt(v.length)];
        }
        return Sample.of(out);
    }
}
