package dev.synwarm.measure;

import dev.synwarm.sys.KillPoint;
import dev.synwarm.sys.RunId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's samples as two files, so that a SIGKILL at any moment leaves {@code samples.csv} a complete CSV
 * and loses no row that was reported: completed cells live in samples.csv, rewritten whole (temp +
 * rename) by {@link #checkpoint}; the rows since then are in the fsync'd {@link SamplesJournal}.
 * {@link #fold} reads both (what {@code run --resume} starts from). A shutdown hook checkpoints on
 * SIGTERM, so a terminated run also leaves everything in samples.csv.
 */
public final class SampleStore implements AutoCloseable {
    /** The rows of samples.csv followed by the journal's rows not already in it; {@code tornBytes} dropped. */
    public record Folded(List<TimelineRow> rows, int tornBytes) {}

    private final Path csv;
    private final Path journalFile;
    private final SamplesJournal journal;
    private final RunId run;
    private final List<TimelineRow> rows;
    private final Thread onTerm = new Thread(this::checkpointQuietly, "samples-checkpoint");
    private boolean closed;

    private SampleStore(Path dir, RunId run, List<TimelineRow> rows) throws IOException {
        this.csv = dir.resolve(SamplesCsv.FILE);
        this.journalFile = dir.resolve(SamplesJournal.FILE);
        this.run = run;
        this.rows = new ArrayList<>(rows);
        this.journal = SamplesJournal.open(journalFile);
        if (Files.notExists(csv)) {
            SamplesCsv.write(csv, List.of()); // a run dir always has its samples.csv, if only the header
        }
        Runtime.getRuntime().addShutdownHook(onTerm);
    }

    /** Opens the store of {@code dir}, keeping what an earlier process folded there ({@link #fold}). */
    public static SampleStore open(Path dir, RunId run) throws IOException {
        return new SampleStore(dir, run, fold(dir).rows());
    }

    /** What samples.csv and the journal of {@code dir} hold together; modifies neither. */
    public static Folded fold(Path dir) throws IOException {
        Path csv = dir.resolve(SamplesCsv.FILE);
        List<TimelineRow> rows = new ArrayList<>(Files.exists(csv) ? SamplesCsv.read(csv) : List.of());
        Set<String> have = new HashSet<>();
        rows.forEach(r -> have.add(key(r)));
        SamplesJournal.Contents j = SamplesJournal.read(dir.resolve(SamplesJournal.FILE));
        for (TimelineRow r : j.rows()) {
            // a kill between the rename of samples.csv and the journal's truncation leaves rows in both
            if (have.add(key(r))) {
                rows.add(r);
            }
        }
        return new Folded(List.copyOf(rows), j.tornBytes());
    }

    /** Journals {@code row}; when this returns the row is on disk. */
    public synchronized void add(TimelineRow row) throws IOException {
        byte[] line = SamplesCsv.line(row);
        String torn = "journal.torn." + (rows.size() + 1);
        if (KillPoint.armed(torn)) {
            journal.writePart(line, line.length / 2);
            KillPoint.reached(torn, run);
        }
        journal.write(line);
        rows.add(row);
    }

    /** Rewrites samples.csv with every row so far and empties the journal. */
    public synchronized void checkpoint() throws IOException {
        if (closed) {
            return;
        }
        SamplesCsv.write(csv, rows);
        KillPoint.reached("samples.checkpointed." + rows.size(), run);
        journal.clear();
    }

    public synchronized List<TimelineRow> rows() {
        return List.copyOf(rows);
    }

    public synchronized int size() {
        return rows.size();
    }

    /** Checkpoints and removes the journal. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        checkpoint();
        closed = true;
        journal.close();
        Files.deleteIfExists(journalFile);
        try {
            Runtime.getRuntime().removeShutdownHook(onTerm);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds the store closed
        }
    }

    private void checkpointQuietly() {
        try {
            checkpoint();
        } catch (IOException e) {
            System.err.println("synwarm: cannot rewrite " + csv + " on exit (its rows stay in " + journalFile + "): "
                    + e.getMessage());
        }
    }

    /** A repetition's identity: a row with the same key is the same measurement. */
    static String key(TimelineRow r) {
        return r.cellId() + "/" + r.mode() + "/" + r.repetition(); // synthetic runs share cell ids across modes
    }
}
