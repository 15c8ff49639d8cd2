package dev.synwarm.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synwarm.cli.CleanupCommand;
import dev.synwarm.cli.Main;
import dev.synwarm.measure.Json;
import dev.synwarm.measure.SampleStore;
import dev.synwarm.measure.SamplesCsv;
import dev.synwarm.measure.SamplesJournal;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.sys.KillPoint;
import dev.synwarm.sys.RunId;
import dev.synwarm.sys.StaleReaping;
import dev.synwarm.testing.ChildJvm;
import dev.synwarm.testing.Requires;
import dev.synwarm.testing.RunLeftovers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synwarm run} SIGKILLed at every phase of its life, chosen by progress markers
 * ({@link KillPoint}), each followed by the next command: nothing of the killed run may be left on the
 * machine, no earlier result may change, and every samples.csv is a complete CSV. The runs killed while
 * measuring (after a reported sample, in the middle of writing a row, between rewriting samples.csv and
 * emptying its journal) lose no reported sample and are completed with {@code run --resume}.
 */
class KillAnywhereTest {
    /** In the order a run passes them: set-up, probe attach, container start, measuring, summary. */
    private static final List<String> POINTS = List.of("runtime.opened", "topology.netns", "topology.veth",
            "topology.done", "tls.generated", "gateway.listening", "probe.attached", "tagger.attached",
            "container.created", "container.started", "gateway.warmed", "client.started", "results.created",
            "link.emulated", "sample.2", "journal.torn.4", "samples.checkpointed.3", "summary");
    /** Kill point → rows in samples.csv, rows reported (samples.csv and journal together): tiny.yaml has 3 cells × 2, in two rounds of the three modes. */
    private static final Map<String, List<Integer>> MEASURING = Map.of("sample.2", List.of(0, 2), "journal.torn.4",
            List.of(3, 3), "samples.checkpointed.3", List.of(3, 3));
    private static final Pattern KILLED = Pattern.compile("synwarm: kill point (\\S+) run ([a-z0-9]{4})");
    private static final Duration CHILD_LIMIT = Duration.ofSeconds(150);

    @TempDir
    Path out;

    @Test
    void aSigkilledRunLeavesNothingAndResumeCompletesIt() throws Exception {
        Requires.root();
        Requires.bpf();
        Requires.docker();
        Path earlier = earlierResult();
        Path scenario = Requires.repo().resolve("harness/src/test/resources/rely/tiny.yaml");
        List<String> run = List.of("run", scenario.toString(), "--out", out.toString(), "--client-warmups", "10");
        Map<String, Path> interrupted = new TreeMap<>();
        for (String point : POINTS) {
            Map<String, String> before = contents(out);
            long t0 = System.nanoTime();
            ChildJvm.Exit exit = ChildJvm.run(run, Map.of(KillPoint.ENV, point), CHILD_LIMIT);
            Matcher m = KILLED.matcher(exit.stderr());
            assertThat(m.find()).as("kill point " + point + " reached; stderr:\n" + exit.stderr()).isTrue();
            assertThat(m.group(1)).isEqualTo(point);
            assertThat(exit.code()).as("SIGKILL at " + point).isEqualTo(128 + 9);
            RunId id = new RunId(m.group(2));
            List<Integer> programs = RunLeftovers.attachedPrograms(id);
            try {
                // the next command: cleanup (every command that creates resources runs the same reaper first)
                assertThat(Main.execute("cleanup")).isEqualTo(Main.EXIT_OK);
                assertThat(RunLeftovers.of(id, programs)).as("left by a run killed at " + point).isEmpty();
            } finally {
                StaleReaping.reap(CleanupCommand.reapers(), id::equals);
            }
            Map<String, String> after = contents(out);
            before.forEach((file, hash) -> assertThat(after.get(file)).as(file + " after the kill at " + point).isEqualTo(hash));
            System.out.printf("killed at %-18s run %s, %d programs attached, %.1f s%n", point, id, programs.size(),
                    (System.nanoTime() - t0) / 1e9);
            assertEverySamplesCsvComplete(after.keySet(), point);
            if (MEASURING.containsKey(point)) {
                interrupted.put(point, newRunDir(before.keySet(), after.keySet()));
            }
        }
        assertThat(contents(earlier)).isNotEmpty();
        assertThat(interrupted).hasSize(MEASURING.size()).doesNotContainValue(null);
        for (Map.Entry<String, Path> e : interrupted.entrySet()) {
            resumeCompletes(e.getValue(), e.getKey(), MEASURING.get(e.getKey()));
        }
    }

    /** A run killed while measuring: marked incomplete, its reported rows all kept, completed by --resume. */
    private static void resumeCompletes(Path interrupted, String point, List<Integer> expected) throws Exception {
        JsonNode m = Json.MAPPER.readTree(interrupted.resolve("run.json").toFile());
        assertThat(m.get("complete").asBoolean()).isFalse();
        assertThat(SamplesCsv.read(interrupted.resolve(SamplesCsv.FILE))).as("samples.csv after " + point)
                .hasSize(expected.get(0));
        SampleStore.Folded folded = SampleStore.fold(interrupted);
        assertThat(folded.rows()).as("reported rows after " + point).hasSize(expected.get(1));
        assertThat(folded.tornBytes() > 0).as("torn journal row after " + point).isEqualTo(point.startsWith("journal.torn"));
        List<TimelineRow> kept = folded.rows();

        ChildJvm.Exit resumed = ChildJvm.run(List.of("run", "--resume", interrupted.toString(), "--client-warmups", "10"),
                Map.of(), CHILD_LIMIT);
        assertThat(resumed.code()).as(resumed.stderr()).isEqualTo(Main.EXIT_OK);
        assertThat(resumed.stderr().contains("dropped a torn last row")).isEqualTo(point.startsWith("journal.torn"));
        JsonNode done = Json.MAPPER.readTree(interrupted.resolve("run.json").toFile());
        assertThat(done.get("complete").asBoolean()).isTrue();
        assertThat(done.get("samples").asLong()).isEqualTo(6);
        assertThat(done.get("runId").asText()).isEqualTo(kept.getFirst().runId());
        assertThat(done.get("resumedBy")).hasSize(1);
        List<TimelineRow> all = SamplesCsv.read(interrupted.resolve(SamplesCsv.FILE));
        assertThat(all).hasSize(6);
        assertThat(all.subList(0, kept.size())).isEqualTo(kept);
        assertThat(all).extracting(r -> r.cellId() + "/" + r.repetition()).doesNotHaveDuplicates();
        assertThat(all.subList(kept.size(), 6)).extracting(TimelineRow::runId)
                .containsOnly(done.get("resumedBy").get(0).asText());
        assertThat(interrupted.resolve("summary.csv")).exists();
        assertThat(interrupted.resolve(SamplesJournal.FILE)).doesNotExist();
        assertThat(ChildJvm.run(List.of("run", "--resume", interrupted.toString()), Map.of(), CHILD_LIMIT).code())
                .as("a complete run is not resumed again").isEqualTo(Main.EXIT_USAGE);
    }

    /** Every samples.csv ends with a whole row and parses: a kill never leaves one half-written. */
    private static void assertEverySamplesCsvComplete(java.util.Set<String> files, String point) throws IOException {
        for (String f : files) {
            if (Path.of(f).getFileName().toString().equals(SamplesCsv.FILE)) {
                byte[] b = Files.readAllBytes(Path.of(f));
                assertThat(b.length == 0 || b[b.length - 1] == '\n').as(f + " after the kill at " + point).isTrue();
                if (!f.contains("20260101T000000Z")) {
                    assertThat(SamplesCsv.read(Path.of(f))).as(f).isNotNull();
                }
            }
        }
    }

    /** A finished run's directory from before: it must come through every kill untouched. */
    private Path earlierResult() throws IOException {
        Path dir = Files.createDirectories(out.resolve("tiny/20260101T000000Z-0000000"));
        Files.writeString(dir.resolve("run.json"), "{\"runId\":\"zzzz\",\"complete\":true}\n");
        Files.writeString(dir.resolve("samples.csv"), "runId,cellId\nzzzz,c1\n");
        Files.writeString(dir.resolve("summary.csv"), "cell\nc1\n");
        return dir;
    }

    private static Path newRunDir(java.util.Set<String> before, java.util.Set<String> after) {
        List<String> fresh = new ArrayList<>(after);
        fresh.removeAll(before);
        return fresh.stream().filter(f -> f.endsWith("run.json")).map(f -> Path.of(f).getParent()).findFirst().orElse(null);
    }

    /** Every file under {@code root} with the SHA-256 of its content. */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try {
                    m.put(f.toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return m;
    }
}
