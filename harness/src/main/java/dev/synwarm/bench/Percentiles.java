package dev.synwarm.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of nanosecond samples (the convention of the probe and runtime reports). */
final class Percentiles {
    private Percentiles() {}

    static long nearestRank(long[] samples, double percent) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] s = samples.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(percent / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length, rank) - 1)];
    }
}
