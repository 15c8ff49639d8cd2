package dev.synwarm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SampleTest {
    @Test
    void quantilesInterpolateLikeNumpyAndPandas() {
        Sample s = Sample.of(4, 1, 3, 2, Double.NaN); // NaN is a missing point and is dropped
        assertThat(s.n()).isEqualTo(4);
        assertThat(s.median()).isEqualTo(2.5);
        assertThat(s.quantile(0.9)).isCloseTo(3.7, within(1e-12)); // numpy.quantile([1,2,3,4], 0.9) = 3.7
        assertThat(s.quantile(0.99)).isCloseTo(3.97, within(1e-12));
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(4);
    }

    @Test
    void emptySampleGivesNaNNotAnError() {
        Sample s = Sample.of();
        assertThat(s.median()).isNaN();
        assertThat(s.mean()).isNaN();
    }
}
