package dev.synwarm.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.sys.RunId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesCsvTest {
    @TempDir
    Path dir;

    @Test
    void rowsSurviveARoundTripWithAbsentPointsKeptAbsent() throws Exception {
        TimelineRow cold = row("c1", 0, "cold", null, 1_000L, 250_000_000L);
        TimelineRow prewarm = row("c1", 1, "syn-port", 5_000L, 1_000L, 130_000_000L);
        Path f = dir.resolve(SamplesCsv.FILE);
        SamplesCsv.write(f, List.of(cold, prewarm));
        assertThat(Files.readAllLines(f)).hasSize(3);
        List<TimelineRow> back = SamplesCsv.read(f);
        assertThat(back).containsExactly(cold, prewarm);
        assertThat(back.get(0).tSynHookNs()).isNull();
        assertThat(back.get(1).e2eMs()).isEqualTo(129.999, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theStoreKeepsCompletedCellsInTheCsvAndTheCellInProgressInTheJournal() throws Exception {
        TimelineRow a = row("c1", 0, "cold", null, 1_000L, 250_000_000L);
        TimelineRow b = row("c1", 1, "cold", null, 2_000L, 260_000_000L);
        TimelineRow c = row("c2", 0, "warm", null, 3_000L, 60_000_000L);
        Path csv = dir.resolve(SamplesCsv.FILE);
        Path journal = dir.resolve(SamplesJournal.FILE);
        SampleStore store = SampleStore.open(dir, new RunId("zz01"));
        store.add(a);
        store.add(b);
        store.checkpoint();
        store.add(c);
        // as a SIGKILL here would leave them: the completed cell in the CSV, the third row journaled
        assertThat(SamplesCsv.read(csv)).containsExactly(a, b);
        assertThat(SamplesJournal.read(journal).rows()).containsExactly(c);
        assertThat(SampleStore.fold(dir).rows()).containsExactly(a, b, c);
        store.close();
        assertThat(SamplesCsv.read(csv)).containsExactly(a, b, c);
        assertThat(journal).doesNotExist();
    }

    @Test
    void aTornJournalLineIsDroppedAndRowsAlreadyInTheCsvAreNotCountedTwice() throws Exception {
        TimelineRow a = row("c1", 0, "cold", null, 1_000L, 250_000_000L);
        TimelineRow b = row("c1", 1, "cold", null, 2_000L, 260_000_000L);
        TimelineRow c = row("c2", 0, "warm", null, 3_000L, 60_000_000L);
        SamplesCsv.write(dir.resolve(SamplesCsv.FILE), List.of(a, b));
        Path journal = dir.resolve(SamplesJournal.FILE);
        // killed after samples.csv was renamed but before the journal was emptied, then mid-row
        byte[] half = SamplesCsv.line(c);
        Files.write(journal, SamplesCsv.line(b));
        Files.write(journal, List.of(SamplesCsv.line(c), java.util.Arrays.copyOf(half, half.length / 2)).stream()
                .reduce(new byte[0], SamplesCsvTest::concat), StandardOpenOption.APPEND);

        SampleStore.Folded f = SampleStore.fold(dir);

        assertThat(f.rows()).containsExactly(a, b, c);
        assertThat(f.tornBytes()).isEqualTo(half.length / 2);
        try (SampleStore store = SampleStore.open(dir, new RunId("zz02"))) {
            TimelineRow d = row("c2", 1, "warm", null, 4_000L, 61_000_000L);
            store.add(d); // starts on a line of its own: the torn tail was cut off
            assertThat(SampleStore.fold(dir).rows()).containsExactly(a, b, c, d);
        }
        assertThat(SamplesCsv.read(dir.resolve(SamplesCsv.FILE))).hasSize(4);
    }

    private static byte[] concat(byte[] x, byte[] y) {
        byte[] r = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, r, x.length, y.length);
        return r;
    }

    private static TimelineRow row(String cell, int rep, String mode, Long syn, long start, long done) {
        return new TimelineRow("abcd", cell, rep, "fn-static", 200, 20, 0, 0, "http", mode, TimelineRow.Status.ok, "",
                start, start + 40_000_000L, null, start + 40_100_000L, done - 10, done, syn, syn, null, null, null,
                null, null, null, null, null, 200.5, "cold");
    }
}
