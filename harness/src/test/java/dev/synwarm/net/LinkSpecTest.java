package dev.synwarm.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkSpecTest {
    @Test
    void acceptsAPlausibleLinkAndDoublesItForTheRoundTrip() {
        LinkSpec l = new LinkSpec(Duration.ofMillis(20), Duration.ofMillis(2), 0.5);
        assertThat(l.expectedRtt()).isEqualTo(Duration.ofMillis(40));
        assertThat(LinkSpec.of(Duration.ZERO).jitter()).isZero();
    }

    @Test
    void rejectsANegativeDelayNamingIt() {
        assertThatThrownBy(() -> LinkSpec.of(Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one-way delay -5ms is negative");
    }

    @Test
    void rejectsAbsurdDelays() {
        assertThatThrownBy(() -> LinkSpec.of(Duration.ofSeconds(11))).hasMessageContaining("more than 10s");
        assertThat(LinkSpec.of(Duration.ofSeconds(10)).oneWay()).isEqualTo(LinkSpec.MAX_ONE_WAY);
    }

    @Test
    void rejectsJitterBeyondTheDelayAndNegativeJitter() {
        assertThatThrownBy(() -> new LinkSpec(Duration.ofMillis(1), Duration.ofMillis(2), 0))
                .hasMessageContaining("jitter 2ms is larger than the one-way delay 1ms");
        assertThatThrownBy(() -> new LinkSpec(Duration.ofMillis(1), Duration.ofMillis(-1), 0))
                .hasMessageContaining("negative");
    }

    @Test
    void rejectsLossOutsideZeroToHundredIncludingNaN() {
        for (double bad : new double[] {-0.1, 100.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new LinkSpec(Duration.ofMillis(1), Duration.ZERO, bad))
                    .hasMessageContaining("loss");
        }
        assertThat(new LinkSpec(Duration.ofMillis(1), Duration.ZERO, 100).lossPercent()).isEqualTo(100);
    }
}
