package dev.synwarm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.bpf.AttachMode;
import dev.synwarm.experiment.Runner;
import dev.synwarm.experiment.StopSignal;
import dev.synwarm.measure.SamplesCsv;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.scenario.Scenario;
import dev.synwarm.scenario.ScenarioReader;
import dev.synwarm.testing.Requires;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regression check really catches a dead pre-warm path: a real run (namespaces, delay line, Docker)
 * of one cold / syn-port pair with the SYN probe left off, where TLS 1.3 at 120 ms one-way accumulates
 * 4L = 480 ms, more than the cold path (≈ 190 ms, ≈ 390 ms on a loaded machine); {@code regress --run} on it must exit 1 naming the cell.
 */
class RegressWithoutProbeIntegrationTest {
    private static final String PAIR = """
            name: probe-off
            function: fn-static
            init: 100ms
            network: host
            link: {oneWay: 120ms}
            protocols: [tls13]
            modes: [cold, syn-port]
            repetitions: 3
            warmup: 1
            seed: 3
            """;

    @TempDir
    Path out;

    @Test
    void regressFailsOnARunWithTheProbeOff() throws Exception {
        Requires.root();
        Requires.bpf();
        Requires.docker();
        Scenario s = ScenarioReader.parse("probe-off.yaml", "probe-off", PAIR);
        Runner.Outcome o;
        try (StopSignal stop = StopSignal.install()) {
            o = Runner.run(s, new Runner.Options(out, Requires.repo(), AttachMode.XDP, 100, Duration.ofSeconds(30), false), stop);
        }
        assertThat(o.manifest().complete()).isTrue();
        List<TimelineRow> syn = SamplesCsv.read(o.dir().resolve(SamplesCsv.FILE)).stream()
                .filter(r -> r.mode().equals("syn-port") && r.repetition() >= 0).toList();
        assertThat(syn).hasSize(3).allSatisfy(r -> {
            assertThat(r.tSynHookNs()).as("no probe, no SYN event").isNull();
            assertThat(r.instanceState()).as("started by the request itself").isEqualTo("none/request");
        });

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.execute("regress", "--run", o.dir().toString(), "--baseline", out.resolve("no-baseline").toString());
        } finally {
            System.setErr(oldErr);
        }
        String lines = err.toString(StandardCharsets.UTF_8);
        System.out.print(lines);
        assertThat(exit).isEqualTo(Main.EXIT_FAILED);
        String cell = "fn-static init 100 ms, 120 ms one-way, tls13, syn-port";
        assertThat(lines.lines())
                .anySatisfy(l -> assertThat(l).startsWith("FAIL pre-warm: " + cell
                        + ": 3 measured request(s) not started by their own trigger, 0 counted (excluded: trigger never fired"))
                .anySatisfy(l -> assertThat(l).startsWith("FAIL normalised saving: " + cell + ": no counted samples"))
                .last().asString().startsWith("regress: ").contains("checks failed");
    }
}
