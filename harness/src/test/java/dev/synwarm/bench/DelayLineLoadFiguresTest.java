package dev.synwarm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** ping's reply lines → RTT minus the expected 2 × one-way, in ns (no network needed). */
class DelayLineLoadFiguresTest {
    @Test
    void parsesEveryReplyAndSubtractsTheExpectedRoundTrip() {
        String out = """
                PING 10.77.0.2 (10.77.0.2) 56(84) bytes of data.
                64 bytes from 10.77.0.2: icmp_seq=1 ttl=64 time=0.812 ms
                64 bytes from 10.77.0.2: icmp_seq=2 ttl=64 time=1.05 ms
                64 bytes from 10.77.0.2: icmp_seq=3 ttl=64 time=0.799 ms

                --- 10.77.0.2 ping statistics ---
                3 packets transmitted, 3 received, 0% packet loss, time 2ms
                rtt min/avg/max/mdev = 0.799/0.887/1.050/0.117 ms
                """;
        assertThat(DelayLineLoadFigures.rttErrors(out, Duration.ofNanos(400_000))).containsExactly(12_000, 250_000, -1_000);
        assertThat(DelayLineLoadFigures.achievedRate(out)).isEqualTo(1500.0); // 3 in 2 ms
    }
}
