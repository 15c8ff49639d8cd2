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
    void waitModesParseOneOrAListAndNameTheBadWord() {
        assertThat(WaitMode.parse(" Spin ")).isEqualTo(WaitMode.SPIN);
        assertThat(WaitMode.parseList("spin,block")).containsExactly(WaitMode.SPIN, WaitMode.BLOCK);
        assertThat(WaitMode.parseList("busy")).containsExactly(WaitMode.BUSY);
        assertThatThrownBy(() -> WaitMode.parse("nap")).hasMessage("wait 'nap' is not one of spin, busy, block");
        assertThatThrownBy(() -> WaitMode.parseList("spin,")).hasMessageContaining("wait '' is not one of");
        assertThatThrownBy(() -> WaitMode.parseList("block,spin,block"))
                .hasMessage("wait 'block' is given twice in 'block,spin,block'");
    }

    @Test
    void clientSamplesAreSplitByWaitModeInMs() {
        var out = Calibration.clientSamples("spin 1000000 2000000\nspin 3000000 4000000\n"
                + "block 5000000 6000000\nblock 7000000 8000000\n", java.util.List.of(WaitMode.SPIN, WaitMode.BLOCK), 2, "");
        assertThat(out.get(WaitMode.SPIN).connect()).containsExactly(1.0, 3.0);
        assertThat(out.get(WaitMode.SPIN).rr()).containsExactly(2.0, 4.0);
        assertThat(out.get(WaitMode.BLOCK).connect()).containsExactly(5.0, 7.0);
        assertThat(out.get(WaitMode.BLOCK).rr()).containsExactly(6.0, 8.0);
    }

    @Test
    void clientSamplesOfTheWrongModeOrCountAreRefused() {
        assertThatThrownBy(() -> Calibration.clientSamples("block 1 2\n", java.util.List.of(WaitMode.SPIN), 1, ""))
                .hasMessage("calibration client line 1: 'block 1 2', expected 'spin <ns> <ns>'");
        assertThatThrownBy(() -> Calibration.clientSamples("spin 1 2\n", java.util.List.of(WaitMode.SPIN), 2, "boom"))
                .hasMessage("calibration client printed 1 samples, expected 2: boom");
    }

    @Test
    void requestRefusesRepeatedOrNoClientWaits() {
        LinkSpec link = LinkSpec.of(java.time.Duration.ofMillis(1));
        assertThatThrownBy(() -> new Calibration.Request(link, EmulatorChoice.AUTO, 1, null,
                java.util.List.of(WaitMode.SPIN, WaitMode.SPIN), WaitMode.BLOCK)).hasMessageContaining("distinct");
        assertThatThrownBy(() -> new Calibration.Request(link, EmulatorChoice.AUTO, 1, null,
                java.util.List.of(), WaitMode.BLOCK)).hasMessageContaining("not empty");
        assertThat(Calibration.Request.of(link, EmulatorChoice.AUTO, 1, null).clientWaits())
                .containsExactly(WaitMode.SPIN);
    }

    @Test
    void warmUpFitsAFewSecondsBetweenThirtyAndThreeHundredRounds() {
        assertThat(Calibration.warmup(LinkSpec.of(java.time.Duration.ZERO))).isEqualTo(300);
        assertThat(Calibration.warmup(LinkSpec.of(java.time.Duration.ofMillis(5)))).isEqualTo(150);
        assertThat(Calibration.warmup(LinkSpec.of(java.time.Duration.ofMillis(100)))).isEqualTo(30);
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
