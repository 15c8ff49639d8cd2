package dev.synwarm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.testing.Requires;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProbeCommandTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void badInputIsOneLineAndExit2() {
        Run noIface = run("probe", "--port", "8080=1");
        assertThat(noIface.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(noIface.err().strip()).isEqualTo("synwarm: --iface is required (or use --latency)");

        Run badMode = run("probe", "--iface", "lo", "--mode", "ebpf");
        assertThat(badMode.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(badMode.err()).contains("'ebpf' is not xdp or tc").doesNotContain("\n\n");

        Run badPort = run("probe", "--iface", "lo", "--port", "70000=1");
        assertThat(badPort.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(badPort.err().strip()).isEqualTo("synwarm: --port 70000=1: port must be in 1..65535");

        assertThat(run("probe", "--latency", "--iface", "eth0").exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run("probe", "--latency", "--count", "0").exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run("probe", "--iface", "lo", "--cooldown", "5").err()).contains("needs a unit");
        assertThat(run("probe", "--latency", "--spin-budget", "0s").err().strip())
                .isEqualTo("synwarm: --spin-budget 0ms: must be positive");
        assertThat(run("probe", "--latency", "--count", "10", "--rounds", "11").err().strip())
                .isEqualTo("synwarm: --rounds 11: must be in 1..--count (10)");
        assertThat(run("probe", "--iface", "lo", "--port", "8080=1", "--consumer", "spin,blocking").err().strip())
                .isEqualTo("synwarm: --consumer [spin, blocking]: one consumer unless --latency");
        assertThat(run("probe", "--latency", "--consumer", "spinning").err())
                .contains("'spinning' is not blocking, spin, spin-nice10, spin-nice20 or spin-norest");
    }

    @Test
    void unknownInterfaceIsAUsageError() {
        Requires.bpf();
        Run r = run("probe", "--iface", "sw-none-x", "--port", "8080=1");
        assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err().strip()).isEqualTo("synwarm: no network interface named 'sw-none-x'");
    }

    @Test
    void latencyReportsEveryConnection() {
        Requires.bpf();
        Run r = run("probe", "--latency", "--mode", "tc", "--consumer", "spin", "--count", "30", "--gap", "1ms");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("30 connections").contains("events 30/30, kernel: 30 sent, 0 lost").contains("p99");
    }

    @Test
    void latencyComparesConsumersWithAndWithoutLoadAndLeavesNoLoadBehind() throws Exception {
        Requires.bpf();
        Run r = run("probe", "--latency", "--consumer", "spin,blocking", "--count", "20", "--rounds", "2", "--gap", "1ms",
                "--under-load");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.contains("events 20/20, kernel: 20 sent, 0 lost")))
                .hasSize(4)
                .anyMatch(l -> l.contains("spin") && l.contains("under synthetic load"))
                .anyMatch(l -> l.contains("blocking") && l.contains("no added load"));
        assertThat(ProcessHandle.current().descendants().filter(p -> p.isAlive()
                && p.info().commandLine().orElse("").contains("StressLoopMain"))).isEmpty();
    }
}
