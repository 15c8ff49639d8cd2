package dev.synwarm.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkProfileTest {
    @Test
    void parsesNamesInAnyCase() {
        assertThat(LinkProfile.parse("Regional")).isEqualTo(LinkProfile.REGIONAL);
        assertThat(LinkProfile.parse(" satellite ")).isEqualTo(LinkProfile.SATELLITE);
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> LinkProfile.parse("moon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("profile 'moon' is not one of lan, metro, regional, continental, intercontinental, satellite");
    }

    @Test
    void oneWayIsHalfTheCitedRoundTrip() {
        assertThat(LinkProfile.CONTINENTAL.link().oneWay()).isEqualTo(Duration.ofNanos(39_460_000 / 2));
        assertThat(LinkProfile.INTERCONTINENTAL.link().oneWay()).isEqualTo(Duration.ofNanos(78_330_000 / 2));
        assertThat(LinkProfile.SATELLITE.link().expectedRtt()).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void regionalJitterReproducesTheCitedRttSpread() {
        // uniform ±a per direction: RTT sigma = a * sqrt(2/3); the source reports sigma 0.5 ms
        double a = LinkProfile.REGIONAL.link().jitter().toNanos() / 1e6;
        assertThat(a * Math.sqrt(2.0 / 3.0)).isBetween(0.48, 0.52);
    }

    @Test
    void everyProfileNamesItsSourceAndIsDelayOrdered() {
        long previous = -1;
        for (LinkProfile p : LinkProfile.values()) {
            assertThat(p.source()).isNotBlank();
            assertThat(p.link().oneWay().toNanos()).isGreaterThan(previous);
            previous = p.link().oneWay().toNanos();
        }
    }
}
