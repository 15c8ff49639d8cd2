package dev.synwarm.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParsingTest {
    @Test
    void pingTimesAreReadFromEveryReplyLine() {
        String out = """
                PING 10.77.3.2 (10.77.3.2) 56(84) bytes of data.
                64 bytes from 10.77.3.2: icmp_seq=1 ttl=64 time=40.1 ms
                64 bytes from 10.77.3.2: icmp_seq=2 ttl=64 time=39.9 ms
                64 bytes from 10.77.3.2: icmp_seq=3 ttl=64 time=2.013 ms

                --- 10.77.3.2 ping statistics ---
                3 packets transmitted, 3 received, 0% packet loss, time 2003ms
                rtt min/avg/max/mdev = 2.013/27.337/40.100/17.800 ms
                """;
        assertThat(Calibration.pingTimes(out)).containsExactly(40.1, 39.9, 2.013);
        assertThat(Calibration.pingMean(out)).isEqualTo(27.337);
        assertThat(Calibration.pingMean("no summary")).isNaN();
    }

    @Test
    void percentilesInterpolateLikeNumpy() {
        Percentiles p = new Percentiles(new double[] {4, 1, 3, 2});
        assertThat(p.at(50)).isEqualTo(2.5);
        assertThat(p.at(0)).isEqualTo(1);
        assertThat(p.at(100)).isEqualTo(4);
        assertThat(p.at(99)).isCloseTo(3.97, org.assertj.core.data.Offset.offset(1e-9));
        assertThatThrownBy(() -> new Percentiles(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linkNamesDropThePeerSuffix() {
        String out = """
                1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
                7: sw-ab12-cw@sw-ab12-c: <BROADCAST,NOARP,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP
                9: sw-ab12-e@if8: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500
                """;
        assertThat(LinkNames.parse(out)).containsExactly("lo", "sw-ab12-cw", "sw-ab12-e");
    }

    @Test
    void emulatorChoiceParsesCliWords() {
        assertThat(EmulatorChoice.parse("DelayLine")).isEqualTo(EmulatorChoice.DELAYLINE);
        assertThatThrownBy(() -> EmulatorChoice.parse("ns3")).hasMessage("emulator 'ns3' is not one of auto, netem, delayline");
    }
}
