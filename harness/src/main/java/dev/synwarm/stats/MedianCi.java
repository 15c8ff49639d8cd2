package dev.synwarm.stats;

import java.util.Optional;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Distribution-free confidence interval for the median from two order statistics, after
 * J.-Y. Le Boudec, <i>Performance Evaluation of Computer and Communication Systems</i>, EPFL Press 2010,
 * Theorem 2.1: for n iid samples of a continuous distribution with median m and 1 ≤ j &lt; k ≤ n,
 * P(x(j) &lt; m &lt; x(k)) = B(k − 1) − B(j − 1), with B the CDF of Binomial(n, 1/2) (the number of samples
 * below m). As in the book's Table A.1, j is the largest index with B(j − 1) ≤ (1 − γ)/2 and k the smallest
 * with B(k − 1) ≥ (1 + γ)/2, which leaves at most (1 − γ)/2 on each side; for large n this approaches
 * j ≈ ⌊n/2 − 0.98√n⌋, k ≈ ⌈n/2 + 1 + 0.98√n⌉ at γ = 0.95. Below n = 6 no interval exists at 95 %.
 */
public final class MedianCi {
    private MedianCi() {}

    /** The 1-based ranks (j, k) of the interval's order statistics and the exact coverage they give. */
    public record Ranks(int j, int k, double coverage) {}

    public static Optional<Ranks> ranks(int n, double level) {
        if (n < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("n=" + n + ", level=" + level);
        }
        BinomialDistribution b = new BinomialDistribution(null, n, 0.5);
        double tail = (1 - level) / 2;
        int j = 0; // largest j with B(j-1) <= tail; B(-1) = 0 so j >= 1 is the question
        for (int cand = 1; cand <= n; cand++) {
            if (b.cumulativeProbability(cand - 1) <= tail + 1e-12) {
                j = cand;
            } else {
                break;
            }
        }
        if (j == 0) {
            return Optional.empty();
        }
        int k = n + 1; // smallest k with B(k-1) >= 1 - tail
        for (int cand = j + 1; cand <= n; cand++) {
            if (b.cumulativeProbability(cand - 1) >= 1 - tail - 1e-12) {
                k = cand;
                break;
            }
        }
        if (k > n) {
            return Optional.empty();
        }
        double coverage = b.cumulativeProbability(k - 1) - b.cumulativeProbability(j - 1);
        return Optional.of(new Ranks(j, k, coverage));
    }

    /** The interval for the median of {@code s}, or empty when the sample is too small for the level. */
    public static Optional<Interval> of(Sample s, double level) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        return ranks(s.n(), level).map(r -> new Interval(s.orderStatistic(r.j()), s.orderStatistic(r.k())));
    }
}
