package dev.synwarm.jmh;

import dev.synwarm.measure.MonotonicClock;
import dev.synwarm.measure.SamplesCsv;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.measure.SamplesJournal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the harness spends per sample on bookkeeping, against the cheapest request it could ever time.
 * <ul>
 *   <li>{@code recordTimeline}: reading the clock at the 16 timeline points and building the
 *       {@link TimelineRow} of one request.</li>
 *   <li>{@code appendCsvRow}: {@link SamplesJournal#append} of one full row — Jackson CSV formatting, one
 *       write(2) and the fdatasync the runner does after every repetition so a reported row survives a
 *       SIGKILL or a power cut.</li>
 *   <li>{@code rawLineWrite}: writing the same bytes, already formatted, with the same write and fdatasync —
 *       the I/O floor, so the difference is what CSV formatting costs.</li>
 * </ul>
 * Both write real files in the temporary directory (an fdatasync of /dev/null would measure nothing),
 * emptied every {@value #ROWS_PER_FILE} rows so a fast disk does not grow them by gigabytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class TimelineCsvBench {
    private static final int ROWS_PER_FILE = 4096;

    private Path dir;
    private SamplesJournal journal;
    private FileChannel raw;
    private byte[] line;
    private int journalRows;
    private int rawRows;
    private TimelineRow row;
    private int repetition;

    @Setup
    public void setUp() throws IOException {
        row = timeline(1);
        dir = Files.createTempDirectory("sw-bench-csv-");
        journal = SamplesJournal.open(dir.resolve(SamplesJournal.FILE));
        raw = FileChannel.open(dir.resolve("raw"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        line = SamplesCsv.line(row);
    }

    @TearDown
    public void tearDown() throws IOException {
        journal.close();
        raw.close();
        Files.deleteIfExists(dir.resolve(SamplesJournal.FILE));
        Files.deleteIfExists(dir.resolve("raw"));
        Files.delete(dir);
    }

    @Benchmark
    public TimelineRow recordTimeline() {
        return timeline(++repetition);
    }

    @Benchmark
    public void appendCsvRow() throws IOException {
        if (++journalRows % ROWS_PER_FILE == 0) {
            journal.clear();
        }
        journal.append(row);
    }

    @Benchmark
    public void rawLineWrite() throws IOException {
        if (++rawRows % ROWS_PER_FILE == 0) {
            raw.truncate(0);
            raw.position(0);
        }
        ByteBuffer b = ByteBuffer.wrap(line);
        while (b.hasRemaining()) {
            raw.write(b);
        }
        raw.force(false);
    }

    @Benchmark
    public int loopbackRoundTripBaseline(LoopbackEcho echo) throws IOException {
        return echo.roundTrip();
    }

    /** One request's row as the runner fills it: every edge and client point read from the clock. */
    static TimelineRow timeline(int repetition) {
        long[] t = new long[16];
        for (int i = 0; i < t.length; i++) {
            t[i] = MonotonicClock.nowNs();
        }
        return new TimelineRow("ab12", "c0007", repetition, "fn-static", 250, 20, 0, 0, "tls13", "syn-port",
                TimelineRow.Status.ok, "", t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11],
                t[12], t[13], t[14], t[15], 250.4, "cold");
    }
}
