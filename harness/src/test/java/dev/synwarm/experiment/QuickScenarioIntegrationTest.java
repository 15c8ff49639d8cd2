package dev.synwarm.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.bpf.AttachMode;
import dev.synwarm.measure.ResultsDir;
import dev.synwarm.measure.SamplesCsv;
import dev.synwarm.measure.TimelineRow.Status;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.regress.RegressionChecks;
import dev.synwarm.regress.Verdict;
import dev.synwarm.report.SummaryTable;
import dev.synwarm.scenario.Scenario;
import dev.synwarm.scenario.ScenarioReader;
import dev.synwarm.stats.SummaryFiles;
import dev.synwarm.stats.SummaryRow;
import dev.synwarm.sys.Proc;
import dev.synwarm.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scenarios/quick.yaml} end to end as root: real namespaces and delay line, the XDP probe and
 * sock_ops tagger, Docker containers, the client process. Checks that every sample is explained and
 * that the modes order as the model says where the model's margin exceeds this machine's noise.
 */
class QuickScenarioIntegrationTest {
    @TempDir
    Path out;

    @Test
    void quickRunsEndToEndAndPrewarmBeatsCold() throws Exception {
        Requires.root();
        Requires.bpf();
        Requires.docker();
        Scenario s = ScenarioReader.read(Requires.repo().resolve("scenarios/quick.yaml"));
        Runner.Outcome o;
        try (StopSignal stop = StopSignal.install()) {
            o = Runner.run(s, new Runner.Options(out, Requires.repo(), AttachMode.XDP, 200, Duration.ofSeconds(30), true), stop);
        }
        String table = SummaryTable.format(o.summary());
        System.out.print(table);

        assertThat(o.manifest().complete()).isTrue();
        assertThat(o.dir()).startsWith(out.resolve("quick"));
        assertThat(o.dir().resolve(ResultsDir.MANIFEST)).exists();
        assertThat(o.dir().resolve(SummaryFiles.CSV)).exists();
        List<TimelineRow> rows = SamplesCsv.read(o.dir().resolve(SamplesCsv.FILE));
        assertThat(rows).hasSize((int) s.totalRequests());
        assertThat(o.manifest().samples()).isEqualTo(s.totalRequests());
        assertThat(rows).noneMatch(r -> r.status() == Status.failed);
        assertThat(rows).filteredOn(r -> r.status() == Status.excluded).allMatch(r -> !r.reason().isEmpty());
        // the link was what it claimed: one TCP connect is one RTT, within a millisecond and a half
        assertThat(o.manifest().calibration()).allSatisfy(c ->
                assertThat(c.connectP50Ms()).isBetween(c.expectedRttMs(), c.expectedRttMs() + 1.5));
        // pre-warm samples really were pre-warmed by their own trigger, before the request arrived
        assertThat(rows).filteredOn(r -> r.status() == Status.ok && r.mode().startsWith("syn-"))
                .allSatisfy(r -> {
                    assertThat(r.tSynHookNs()).isNotNull();
                    assertThat(r.instanceState()).endsWith("/" + r.mode());
                });

        double cold = median(o, 120, "http", "cold");
        double synPort = median(o, 120, "http", "syn-port");
        double warm = median(o, 120, "http", "warm");
        System.out.printf("one-way 120ms http: cold %.1f, syn-port %.1f, warm %.1f ms (ideal saving min(I, 240 ms))%n", cold, synPort, warm);
        assertThat(synPort).as("syn-port clearly below cold\n" + table).isLessThan(cold - 30);
        assertThat(synPort).as("syn-port not below warm\n" + table).isGreaterThan(warm - 5);
        assertThat(warm).isLessThan(cold);

        // what CI's `regress` checks: ≥ 0.9 normalised saving where the handshake covers I, triggers, MAPE
        Verdict v = RegressionChecks.check(o.summary(), Optional.empty());
        assertThat(v.failures()).as(table).isEmpty();
        assertThat(v.notes()).noneMatch(n -> n.startsWith("no cell where the accumulated latency covers"));

        String id = o.manifest().runId();
        assertThat(Proc.run("ip", "netns", "list").stdout()).doesNotContain("sw-" + id);
        assertThat(Proc.run("docker", "ps", "-a", "-q", "--filter", "label=synwarm.run=" + id).stdout()).isBlank();
        assertThat(Files.list(o.dir())).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("run.json", "samples.csv", "summary.csv", "summary.json", "scenario.yaml");
    }

    private static double median(Runner.Outcome o, double oneWayMs, String protocol, String mode) {
        Optional<SummaryRow> c = o.summary().rows().stream()
                .filter(s -> s.oneWayMs() == oneWayMs && s.protocol().label().equals(protocol) && s.mode().equals(mode))
                .findFirst();
        assertThat(c).as(protocol + " " + mode + " at " + oneWayMs).isPresent();
        assertThat(c.get().n()).as("counted samples of " + c.get()).isGreaterThanOrEqualTo(3);
        return c.get().medianMs();
    }
}
