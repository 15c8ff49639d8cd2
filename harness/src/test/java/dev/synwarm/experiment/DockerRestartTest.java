package dev.synwarm.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synwarm.bpf.AttachMode;
import dev.synwarm.measure.Json;
import dev.synwarm.measure.SampleStore;
import dev.synwarm.measure.SamplesCsv;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.measure.TimelineRow.Status;
import dev.synwarm.runtime.DockerDaemon;
import dev.synwarm.scenario.Scenario;
import dev.synwarm.scenario.ScenarioReader;
import dev.synwarm.sys.Proc;
import dev.synwarm.sys.RunId;
import dev.synwarm.testing.Requires;
import dev.synwarm.testing.RunLeftovers;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker daemon restarted (SIGTERM, then started again the way {@code DockerDaemon.ensureRunning}
 * starts it) in the middle of a real run: the repetition whose container the restart stopped is recorded
 * as failed with a reason naming the daemon, later repetitions wait for the daemon and succeed, and the
 * run completes without leaking a container or a namespace. Other tests share this daemon: the outage
 * lasts as long as the daemon needs to stop and start (a few seconds), and the daemon runs again when
 * this test ends, whatever happened.
 */
class DockerRestartTest {
    private static final int REPETITIONS = 7;
    private static final int RESTART_AFTER = 2;

    @TempDir
    Path out;

    @AfterEach
    void daemonRunsAgain() {
        DockerDaemon.ensureRunning();
    }

    @Test
    void aDaemonRestartFailsTheRepetitionItHitAndTheRunGoesOn() throws Exception {
        Requires.root();
        Requires.bpf();
        Requires.docker();
        // cold starts with 2 s of init: the restart, issued once the third repetition's container runs,
        // lands while that request waits for its instance
        Scenario s = ScenarioReader.parse("restart.yaml", "restart", """
                function: fn-static
                init: 2s
                network: host
                protocols: [http]
                modes: [cold]
                repetitions: %d
                warmup: 0
                sweep: {oneWay: [3ms]}
                """.formatted(REPETITIONS));
        CompletableFuture<Duration> outage = CompletableFuture.supplyAsync(() -> restartAfterSamples(RESTART_AFTER));
        Runner.Outcome o;
        try (StopSignal stop = StopSignal.install()) {
            o = Runner.run(s, new Runner.Options(out, Requires.repo(), AttachMode.XDP, 20, Duration.ofSeconds(20), true), stop);
        }
        Duration down = outage.get(30, TimeUnit.SECONDS);
        List<TimelineRow> rows = SamplesCsv.read(o.dir().resolve(SamplesCsv.FILE));
        System.out.printf("daemon restarted in %d ms%n", down.toMillis());
        rows.forEach(r -> System.out.println(r.repetition() + " " + r.status() + " " + r.reason()));

        JsonNode manifest = Json.MAPPER.readTree(o.dir().resolve("run.json").toFile());
        assertThat(manifest.get("complete").asBoolean()).isTrue();
        assertThat(manifest.get("samples").asInt()).isEqualTo(REPETITIONS);
        assertThat(rows).hasSize(REPETITIONS);
        assertThat(rows.subList(0, RESTART_AFTER)).allMatch(r -> r.status() == Status.ok);
        List<TimelineRow> failed = rows.stream().filter(r -> r.status() == Status.failed).toList();
        assertThat(failed).as("the repetition the restart hit").isNotEmpty()
                .allSatisfy(r -> assertThat(r.reason()).contains("the Docker daemon on " + DockerDaemon.socket()));
        int last = rows.indexOf(failed.getLast());
        assertThat(rows.subList(last + 1, rows.size())).as("after the daemon is back").hasSizeGreaterThanOrEqualTo(2)
                .allMatch(r -> r.status() == Status.ok);

        RunId id = new RunId(o.manifest().runId());
        assertThat(Proc.run("docker", "ps", "-a", "-q", "--filter", "label=synwarm.run=" + id.value()).orThrow().stdout())
                .as("containers of the run").isBlank();
        assertThat(RunLeftovers.of(id, List.of())).isEmpty();
    }

    /**
     * Waits for this JVM's run to report {@code n} samples and for the next repetition's container to run,
     * then stops the daemon with SIGTERM, waits for its process to exit and its socket to go, and starts it
     * again; returns how long it was away.
     */
    private Duration restartAfterSamples(int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (samples() < n || !containerRunning()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the run never reported " + n + " samples and started the next container");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // polling the run's files and Docker
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(Path.of("/var/run/docker.pid")).strip());
        } catch (IOException e) {
            throw new AssertionError("no /var/run/docker.pid: cannot tell which process the daemon is", e);
        }
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no dockerd process " + pid));
        long t0 = System.nanoTime();
        daemon.destroy(); // SIGTERM: dockerd stops its containers and exits
        try {
            daemon.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("dockerd " + pid + " did not exit within 60 s of SIGTERM", e);
        }
        while (Files.exists(DockerDaemon.socket())) {
            assertThat(System.nanoTime() - t0).as("socket gone").isLessThan(TimeUnit.SECONDS.toNanos(60));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // dockerd removes it on exit
        }
        DockerDaemon.ensureRunning();
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Rows the run has reported so far (samples.csv and its journal). */
    private long samples() {
        return runDir().map(dir -> {
            try {
                return SampleStore.fold(dir).rows().size();
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }).orElse(0);
    }

    /** True when a container of the run is running (a cold start in progress, or serving). */
    private boolean containerRunning() {
        Optional<String> run = runDir().flatMap(dir -> {
            try {
                return Optional.of(Json.MAPPER.readTree(dir.resolve("run.json").toFile()).get("runId").asText());
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
        return run.isPresent() && !Proc.run("docker", "ps", "-q", "--filter", "status=running", "--filter",
                "label=synwarm.run=" + run.get()).stdout().isBlank();
    }

    private Optional<Path> runDir() {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(f -> f.getFileName().toString().equals("run.json")).map(Path::getParent).findFirst();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
