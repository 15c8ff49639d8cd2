package dev.synwarm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static Sample normal(long seed, double mean, double sd, int n) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * r.nextGaussian();
        }
        return Sample.of(v);
    }

    @Test
    void sameSeedSameInterval() {
        Sample cold = normal(1, 400, 20, 30);
        Sample warm = normal(2, 100, 5, 30);
        Interval a = new Bootstrap(2000, 7).interval(cold, warm, Bootstrap.MEDIAN_DIFFERENCE, 0.95, 3).orElseThrow();
        Interval b = new Bootstrap(2000, 7).interval(cold, warm, Bootstrap.MEDIAN_DIFFERENCE, 0.95, 3).orElseThrow();
        assertThat(a).isEqualTo(b);
        Interval other = new Bootstrap(2000, 8).interval(cold, warm, Bootstrap.MEDIAN_DIFFERENCE, 0.95, 3).orElseThrow();
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void intervalCoversTheTrueDifferenceAndThePointEstimate() {
        Sample cold = normal(11, 400, 20, 40);
        Sample warm = normal(12, 100, 5, 40);
        Interval ci = new Bootstrap(2000, 1).interval(cold, warm, Bootstrap.MEDIAN_DIFFERENCE, 0.95, 0).orElseThrow();
        assertThat(ci.contains(300)).isTrue();
        assertThat(ci.contains(cold.median() - warm.median())).isTrue();
        assertThat(ci.high() - ci.low()).isLessThan(40); // ~4 sd of the median difference, not the data's spread
        Interval ratio = new Bootstrap(2000, 1).interval(cold, warm, Bootstrap.MEDIAN_RATIO, 0.95, 0).orElseThrow();
        assertThat(ratio.contains(4.0)).isTrue();
    }

    @Test
    void tooFewSamplesGiveNoInterval() {
        assertThat(new Bootstrap(500, 1).interval(Sample.of(1, 2, 3, 4), Sample.of(1, 2, 3, 4, 5),
                Bootstrap.MEDIAN_DIFFERENCE, 0.95, 0)).isEmpty();
    }
}
