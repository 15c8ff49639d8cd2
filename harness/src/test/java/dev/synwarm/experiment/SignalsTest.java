package dev.synwarm.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synwarm.cli.CleanupCommand;
import dev.synwarm.cli.Main;
import dev.synwarm.measure.Json;
import dev.synwarm.measure.SampleStore;
import dev.synwarm.measure.SamplesCsv;
import dev.synwarm.measure.SamplesJournal;
import dev.synwarm.sys.KillPoint;
import dev.synwarm.sys.RunId;
import dev.synwarm.sys.StaleReaping;
import dev.synwarm.testing.ChildJvm;
import dev.synwarm.testing.Requires;
import dev.synwarm.testing.RunLeftovers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and Ctrl-C (SIGINT) at chosen points of {@code synwarm run}: the process's own clean-up
 * releases everything (no reaper runs before the check), and Ctrl-C keeps what was measured in a run
 * marked incomplete.
 */
class SignalsTest {
    private static final Pattern KILLED = Pattern.compile("synwarm: kill point (\\S+) run ([a-z0-9]{4})");

    @TempDir
    Path out;

    @Test
    void sigtermReleasesEverythingWithoutTheReaper() throws Exception {
        Requires.root();
        Requires.bpf();
        Requires.docker();
        for (String point : List.of("probe.attached", "container.started", "sample.3")) {
            Run r = run(point, "TERM");
            assertThat(r.exit().code()).as(point + ": " + r.exit().stderr()).isEqualTo(128 + 15);
            assertThat(RunLeftovers.of(r.id(), List.of())).as("left after SIGTERM at " + point).isEmpty();
        }
        // only the run terminated at sample.3 got as far as a results directory: its rows are all in samples.csv
        Path dir;
        try (Stream<Path> files = Files.walk(out)) {
            dir = files.filter(f -> f.getFileName().toString().equals("run.json")).findFirst().orElseThrow().getParent();
        }
        assertThat(SamplesCsv.read(dir.resolve(SamplesCsv.FILE))).hasSizeGreaterThanOrEqualTo(3)
                .hasSameSizeAs(SampleStore.fold(dir).rows());
    }

    @Test
    void ctrlCKeepsTheSamplesOfARunMarkedIncomplete() throws Exception {
        Requires.root();
        Requires.bpf();
        Requires.docker();
        Run r = run("sample.3", "INT");
        assertThat(r.exit().code()).as(r.exit().stderr()).isEqualTo(Main.EXIT_FAILED);
        assertThat(r.exit().stderr()).contains("run incomplete", "--resume");
        assertThat(RunLeftovers.of(r.id(), List.of())).isEmpty();
        Path dir;
        try (Stream<Path> files = Files.walk(out)) {
            dir = files.filter(f -> f.getFileName().toString().equals("run.json")).findFirst().orElseThrow().getParent();
        }
        JsonNode m = Json.MAPPER.readTree(dir.resolve("run.json").toFile());
        assertThat(m.get("complete").asBoolean()).isFalse();
        assertThat(m.get("stoppedBecause").asText()).contains("Ctrl-C");
        long kept = SamplesCsv.read(dir.resolve(SamplesCsv.FILE)).size();
        assertThat(kept).isBetween(3L, 4L); // the request in flight when Ctrl-C came may complete
        assertThat(m.get("samples").asLong()).isEqualTo(kept);
        assertThat(dir.resolve("summary.csv")).exists();
        assertThat(dir.resolve(SamplesJournal.FILE)).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private record Run(ChildJvm.Exit exit, RunId id) {}

    private Run run(String point, String signal) throws Exception {
        Path scenario = Requires.repo().resolve("harness/src/test/resources/rely/tiny.yaml");
        ChildJvm.Exit exit = ChildJvm.run(List.of("run", scenario.toString(), "--out", out.toString(), "--client-warmups", "10"),
                Map.of(KillPoint.ENV, point, KillPoint.SIGNAL_ENV, signal), Duration.ofSeconds(150));
        Matcher m = KILLED.matcher(exit.stderr());
        assertThat(m.find()).as(exit.stderr()).isTrue();
        RunId id = new RunId(m.group(2));
        // whatever a failed assertion would leave must not outlive the test
        Runtime.getRuntime().addShutdownHook(new Thread(() -> StaleReaping.reap(CleanupCommand.reapers(), id::equals)));
        return new Run(exit, id);
    }
}
