package dev.synwarm.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against a fake tc that only logs its arguments (this kernel has no sch_netem). */
class NetemEmulatorTest {
    @TempDir
    Path dir;

    @Test
    void wiresBothEndsThenDelaysBothEgressesAndUndoesItInReverse() throws IOException {
        Path log = dir.resolve("calls");
        Path tc = dir.resolve("tc");
        Files.writeString(tc, "#!/bin/sh\necho \"$*\" >> '" + log + "'\n");
        Files.setPosixFilePermissions(tc, PosixFilePermissions.fromString("rwx------"));
        NetemEmulator.Tools tools = new NetemEmulator.Tools(tc.toString(), NetemCommands.Tool.TC, tc.toString(), tc.toString());

        LinkSpec link = new LinkSpec(Duration.ofMillis(20), Duration.ofMillis(1), 0);
        try (NetemEmulator e = NetemEmulator.start(tools, "cw", "ew", link)) {
            assertThat(e.backend()).isEqualTo("netem");
            assertThat(e.link()).isEqualTo(link);
            assertThat(Files.readAllLines(log)).containsExactly(
                    "qdisc add dev cw clsact",
                    "filter add dev cw ingress protocol all prio 1 u32 match u32 0 0 action mirred egress redirect dev ew",
                    "qdisc add dev ew clsact",
                    "filter add dev ew ingress protocol all prio 1 u32 match u32 0 0 action mirred egress redirect dev cw",
                    "qdisc replace dev ew root netem limit 100000 delay 20000us 1000us rate 100gbit",
                    "qdisc replace dev cw root netem limit 100000 delay 20000us 1000us rate 100gbit");
            Files.delete(log);
        }
        assertThat(Files.readAllLines(log)).isEqualTo(List.of(
                "qdisc del dev cw root", "qdisc del dev ew root", "qdisc del dev ew clsact", "qdisc del dev cw clsact"));
    }
}
