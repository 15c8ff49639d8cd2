package dev.synwarm.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.bpf.AttachMode;
import dev.synwarm.measure.SampleStore;
import dev.synwarm.measure.SamplesCsv;
import dev.synwarm.measure.SamplesJournal;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.measure.TimelineRow.Status;
import dev.synwarm.scenario.Scenario;
import dev.synwarm.scenario.ScenarioReader;
import dev.synwarm.sys.Ownership;
import dev.synwarm.sys.Proc;
import dev.synwarm.sys.RunId;
import dev.synwarm.testing.Requires;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function container killed with {@code docker kill} in the middle of a warm-mode run: the repetition
 * that meets the dead instance is recorded as failed with the reason, the next one gets a fresh
 * instance, and the run completes.
 */
class ContainerKilledTest {
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path out;

    @Test
    void aKilledContainerFailsOneRepetitionAndTheRunGoesOn() throws Exception {
        Requires.root();
        Requires.bpf();
        Requires.docker();
        Scenario s = ScenarioReader.parse("killed.yaml", "killed", """
                function: fn-static
                init: 50ms
                protocols: [http]
                modes: [warm]
                repetitions: 16
                warmup: 0
                sweep: {oneWay: [40ms]}
                """);
        List<RunId> before = Ownership.claimed();
        CompletableFuture<String> killed = CompletableFuture.supplyAsync(() -> killAfterSamples(before, 4));
        Runner.Outcome o;
        try (StopSignal stop = StopSignal.install()) {
            o = Runner.run(s, new Runner.Options(out, Requires.repo(), AttachMode.XDP, 20, Duration.ofSeconds(20), true), stop);
        }
        String victim = killed.get(10, TimeUnit.SECONDS);
        List<TimelineRow> rows = SamplesCsv.read(o.dir().resolve(SamplesCsv.FILE));
        rows.forEach(r -> System.out.println(r.repetition() + " " + r.status() + " " + r.reason()));
        assertThat(victim).isNotBlank();
        assertThat(o.manifest().complete()).isTrue();
        assertThat(rows).hasSize(16);
        List<TimelineRow> failed = rows.stream().filter(r -> r.status() == Status.failed).toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.getFirst().reason()).startsWith("client: ").contains("; edge: ");
        int at = rows.indexOf(failed.getFirst());
        assertThat(at).isGreaterThanOrEqualTo(4);
        assertThat(rows.subList(at + 1, rows.size())).isNotEmpty().allMatch(r -> r.status() == Status.ok);
        assertThat(Proc.run("docker", "ps", "-a", "-q", "--filter", "label=synwarm.run=" + o.manifest().runId()).stdout()).isBlank();
    }

    /** Waits for this JVM's run to write {@code n} samples, then kills its container; returns its id. */
    private String killAfterSamples(List<RunId> before, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        RunId run = null;
        while (System.nanoTime() < deadline) {
            if (run == null) {
                run = ours(before).orElse(null);
            } else if (samples() >= n) {
                String id = Proc.run("docker", "ps", "-q", "--no-trunc", "--filter", "label=synwarm.run=" + run.value())
                        .orThrow().stdout().strip();
                assertThat(id).doesNotContain("\n");
                Proc.run("docker", "kill", id).orThrow();
                return id;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // polling the filesystem and Docker
        }
        throw new AssertionError("the run never wrote " + n + " samples");
    }

    private static Optional<RunId> ours(List<RunId> before) {
        return Ownership.claimed().stream().filter(id -> !before.contains(id))
                .filter(id -> {
                    try {
                        return Files.readString(Path.of("/run/synwarm", id.value())).startsWith(PID + " ");
                    } catch (IOException e) {
                        return false;
                    }
                }).findFirst();
    }

    private long samples() {
        try (Stream<Path> files = Files.walk(out)) {
            Optional<Path> csv = files.filter(f -> f.getFileName().toString().equals(SamplesCsv.FILE)
                    || f.getFileName().toString().equals(SamplesJournal.FILE)).findFirst();
            return csv.isEmpty() ? 0 : SampleStore.fold(csv.get().getParent()).rows().size();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
