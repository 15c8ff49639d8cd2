package dev.synwarm.jmh;

import dev.synwarm.measure.MonotonicClock;
import dev.synwarm.measure.SamplesCsv;
import dev.synwarm.measure.TimelineRow;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
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
 *   <li>{@code appendCsvRow}: {@link SamplesCsv.Appender#append} of one full row — Jackson CSV formatting plus
 *       the flush (one write(2)) the runner does after every repetition.</li>
 *   <li>{@code rawLineWrite}: writing the same bytes, already formatted, with the same flush — the
 *       I/O floor, so the difference is what CSV formatting costs.</li>
 * </ul>
 * Both writers go to /dev/null: the same system call per row without growing a file by gigabytes during a
 * run (a real file adds the page-cache copy of ~300 bytes).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class TimelineCsvBench {
    private static final Path SINK = Path.of("/dev/null");

    private SamplesCsv.Appender appender;
    private Writer raw;
    private String line;
    private TimelineRow row;
    private int repetition;

    @Setup
    public void setUp() throws IOException {
        row = timeline(1);
        appender = SamplesCsv.append(SINK);
        raw = Files.newBufferedWriter(SINK, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        line = formatted(row);
    }

    @TearDown
    public void tearDown() throws IOException {
        appender.close();
        raw.close();
    }

    @Benchmark
    public TimelineRow recordTimeline() {
        return timeline(++repetition);
    }

    @Benchmark
    public void appendCsvRow() throws IOException {
        appender.append(row);
    }

    @Benchmark
    public void rawLineWrite() throws IOException {
        raw.write(line);
        raw.flush();
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

    /** The row's CSV line, produced once by the real writer so both benchmarks write identical bytes. */
    private static String formatted(TimelineRow row) throws IOException {
        Path tmp = Files.createTempFile("sw-bench-", ".csv");
        try {
            Files.delete(tmp);
            try (SamplesCsv.Appender a = SamplesCsv.append(tmp)) {
                a.append(row);
            }
            List<String> lines = Files.readAllLines(tmp);
            return lines.get(lines.size() - 1) + "\n";
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
