package dev.synwarm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MedianCiTest {
    /**
     * The published 95 % table of order-statistic intervals for the median (Le Boudec 2010, Table A.1;
     * the same values as the standard binomial tables): n, j, k and the exact coverage.
     */
    @ParameterizedTest
    @CsvSource({
        "6, 1, 6, 0.969", "7, 1, 7, 0.984", "8, 1, 8, 0.992", "9, 2, 8, 0.961", "10, 2, 9, 0.979",
        "11, 2, 10, 0.988", "12, 3, 10, 0.961", "13, 3, 11, 0.978", "14, 3, 12, 0.987", "15, 4, 12, 0.965",
        "16, 4, 13, 0.979", "17, 5, 13, 0.951", "18, 5, 14, 0.969", "19, 5, 15, 0.981", "20, 6, 15, 0.959",
    })
    void ranksMatchThePublishedTable(int n, int j, int k, double coverage) {
        MedianCi.Ranks r = MedianCi.ranks(n, 0.95).orElseThrow();
        assertThat(r.j()).isEqualTo(j);
        assertThat(r.k()).isEqualTo(k);
        assertThat(r.coverage()).isCloseTo(coverage, within(0.0006));
    }

    @Test
    void noIntervalBelowSixSamplesAt95Percent() {
        IntStream.rangeClosed(1, 5).forEach(n -> assertThat(MedianCi.ranks(n, 0.95)).isEmpty());
    }

    @Test
    void largeSamplesFollowTheBooksApproximation() {
        for (int n : new int[] {71, 100, 500, 1000}) {
            MedianCi.Ranks r = MedianCi.ranks(n, 0.95).orElseThrow();
            double j = Math.floor(0.5 * n - 0.98 * Math.sqrt(n));
            double k = Math.ceil(0.5 * n + 1 + 0.98 * Math.sqrt(n));
            assertThat((double) r.j()).as("j for n=%d", n).isCloseTo(j, within(1.0));
            assertThat((double) r.k()).as("k for n=%d", n).isCloseTo(k, within(1.0));
            assertThat(r.coverage()).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void intervalIsMadeOfTheSampleOrderStatistics() {
        Sample s = Sample.of(10, 3, 7, 1, 9, 2, 8, 4, 6, 5); // x(2) = 2, x(9) = 9
        Interval ci = MedianCi.of(s, 0.95).orElseThrow();
        assertThat(ci).isEqualTo(new Interval(2, 9));
        assertThat(ci.contains(s.median())).isTrue();
    }
}
