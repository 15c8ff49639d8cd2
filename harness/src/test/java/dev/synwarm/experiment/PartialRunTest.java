package dev.synwarm.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synwarm.measure.SamplesCsv;
import dev.synwarm.measure.SamplesJournal;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.sys.UsageException;
import dev.synwarm.testing.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run --resume} reads from an interrupted run directory. */
class PartialRunTest {
    @TempDir
    Path root;

    @Test
    void theJournalIsFoldedInAndARowTornBySigkillIsDroppedAndMeasuredAgain() throws Exception {
        Path dir = Files.createDirectories(root.resolve("tiny/20260101T000000Z-abcdef0"));
        Files.writeString(dir.resolve("run.json"), """
                {"runId": "zz01", "started": "2026-01-01T00:00:00Z", "complete": false, "resumedBy": ["zz02"],
                 "software": {"gitCommit": "abcdef0123"}}
                """);
        Files.copy(Path.of("src/test/resources/rely/tiny.yaml"), dir.resolve(PartialRun.SCENARIO_COPY));
        List<TimelineRow> rows = new SyntheticRun(1).repetitions(2).rows().subList(0, 3);
        SamplesCsv.write(dir.resolve(SamplesCsv.FILE), rows.subList(0, 2));
        Files.write(dir.resolve(SamplesJournal.FILE), SamplesCsv.line(rows.get(2)));
        Files.writeString(dir.resolve(SamplesJournal.FILE), "syn0,c9,0,fn-static,50.0", StandardOpenOption.APPEND);
        byte[] csvBefore = Files.readAllBytes(dir.resolve(SamplesCsv.FILE));
        byte[] journalBefore = Files.readAllBytes(dir.resolve(SamplesJournal.FILE));

        PartialRun p = PartialRun.open(dir);

        assertThat(p.rows()).isEqualTo(rows);
        // opening reads only: the resumed run's store rewrites them
        assertThat(Files.readAllBytes(dir.resolve(SamplesCsv.FILE))).isEqualTo(csvBefore);
        assertThat(Files.readAllBytes(dir.resolve(SamplesJournal.FILE))).isEqualTo(journalBefore);
        assertThat(p.processes()).containsExactly("zz01", "zz02");
        assertThat(p.gitCommit()).isEqualTo("abcdef0123");
        assertThat(p.scenario().name()).isEqualTo("tiny");
        assertThat(p.done()).contains(PartialRun.key(rows.getFirst().cellId(), rows.getFirst().repetition()));
    }

    @Test
    void aFinishedRunIsNotResumed() throws Exception {
        Path dir = Files.createDirectories(root.resolve("tiny/done"));
        Files.writeString(dir.resolve("run.json"), "{\"runId\": \"zz01\", \"complete\": true}");
        assertThatThrownBy(() -> PartialRun.open(dir)).isInstanceOf(UsageException.class)
                .hasMessageContaining("run.json").hasMessageContaining("complete");
    }
}
