package dev.synwarm.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.net.NetemCommands.Tool;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetemCommandsTest {
    @Test
    void delayOnlyIsAPlainNetemWithALargeQueue() {
        assertThat(NetemCommands.apply(Tool.TC, "tc", "sw-ab12-ew", LinkSpec.of(Duration.ofMillis(20))))
                .containsExactly("tc", "qdisc", "replace", "dev", "sw-ab12-ew", "root", "netem", "limit", "100000",
                        "delay", "20000us");
    }

    @Test
    void jitterComesWithARateSoNetemKeepsOrderAndLossIsRandom() {
        LinkSpec l = new LinkSpec(Duration.ofNanos(1_500_500), Duration.ofNanos(250_000), 0.5);
        assertThat(NetemCommands.apply(Tool.TC, "/sbin/tc", "d", l)).containsExactly("/sbin/tc", "qdisc", "replace",
                "dev", "d", "root", "netem", "limit", "100000", "delay", "1500.5us", "250us", "rate", "100gbit",
                "loss", "random", "0.5%");
    }

    @Test
    void removeDeletesTheRootQdisc() {
        assertThat(NetemCommands.remove(Tool.TC, "tc", "d")).containsExactly("tc", "qdisc", "del", "dev", "d", "root");
    }

    @Test
    void tcconfigGetsItsOwnOptions() {
        LinkSpec l = new LinkSpec(Duration.ofMillis(50), Duration.ofMillis(5), 1);
        assertThat(NetemCommands.apply(Tool.TCCONFIG, "tcset", "d", l)).containsExactly("tcset", "d", "--direction",
                "outgoing", "--delay", "50000us", "--delay-distro", "5000us", "--loss", "1%", "--overwrite");
        assertThat(NetemCommands.apply(Tool.TCCONFIG, "tcset", "d", LinkSpec.of(Duration.ZERO)))
                .isEqualTo(List.of("tcset", "d", "--direction", "outgoing", "--delay", "0us", "--overwrite"));
        assertThat(NetemCommands.remove(Tool.TCCONFIG, "tcdel", "d")).containsExactly("tcdel", "d", "--all");
    }

    @Test
    void numbersArePlainDecimals() {
        assertThat(NetemCommands.micros(Duration.ofSeconds(10))).isEqualTo("10000000us");
        assertThat(NetemCommands.micros(Duration.ofNanos(1))).isEqualTo("0.001us");
        assertThat(NetemCommands.percent(0.0001)).isEqualTo("0.0001%");
        assertThat(NetemCommands.percent(100)).isEqualTo("100%");
    }
}
