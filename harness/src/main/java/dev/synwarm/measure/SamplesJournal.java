package dev.synwarm.measure;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * {@code samples.journal}: the rows measured since {@code samples.csv} was last rewritten, one CSV line
 * each (no header), appended with one write and made durable (fdatasync) before the row counts as
 * measured. A SIGKILL can tear only the last line, which then lacks its newline: {@link #read} drops it.
 */
public final class SamplesJournal implements AutoCloseable {
    public static final String FILE = "samples.journal";

    /** What a journal held: its whole rows, and how many bytes of a torn last line were dropped. */
    public record Contents(List<TimelineRow> rows, int tornBytes) {}

    private final FileChannel ch;

    private SamplesJournal(FileChannel ch) {
        this.ch = ch;
    }

    /** Opens {@code file} for appending after what it holds (a torn tail is cut off first). */
    public static SamplesJournal open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long whole = wholeLines(ch);
        if (whole < ch.size()) {
            ch.truncate(whole); // the next row must start on a line of its own
        }
        ch.position(whole);
        return new SamplesJournal(ch);
    }

    public void append(TimelineRow row) throws IOException {
        write(SamplesCsv.line(row));
    }

    /** Writes one formatted line and waits until it is on disk. */
    public void write(byte[] line) throws IOException {
        writeFully(ByteBuffer.wrap(line));
        ch.force(false);
    }

    /** Writes the first {@code n} bytes of a line without syncing: only for a crash test's torn row. */
    public void writePart(byte[] line, int n) throws IOException {
        writeFully(ByteBuffer.wrap(line, 0, n));
    }

    /** Empties the journal once its rows are in samples.csv. */
    public void clear() throws IOException {
        ch.truncate(0);
        ch.position(0);
        ch.force(false);
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }

    /** The journal's rows; an absent file is an empty journal. Never modifies the file. */
    public static Contents read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Contents(List.of(), 0);
        }
        byte[] all = Files.readAllBytes(file);
        int whole = all.length;
        while (whole > 0 && all[whole - 1] != '\n') {
            whole--;
        }
        return new Contents(SamplesCsv.readLines(Arrays.copyOf(all, whole)), all.length - whole);
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static long wholeLines(FileChannel ch) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        long end = ch.size();
        while (end > 0) {
            one.clear();
            ch.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        return end;
    }
}
