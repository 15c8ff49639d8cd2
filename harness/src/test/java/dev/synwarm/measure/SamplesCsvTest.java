package dev.synwarm.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesCsvTest {
    @TempDir
    Path dir;

    @Test
    void rowsSurviveARoundTripWithAbsentPointsKeptAbsent() throws Exception {
        TimelineRow cold = row("cold", null, 1_000L, 250_000_000L);
        TimelineRow prewarm = row("syn-port", 5_000L, 1_000L, 130_000_000L);
        Path f = dir.resolve(SamplesCsv.FILE);
        try (var out = SamplesCsv.append(f)) {
            out.append(cold);
        }
        try (var out = SamplesCsv.append(f)) { // a resumed run appends without a second header
            out.append(prewarm);
        }
        assertThat(Files.readAllLines(f)).hasSize(3);
        List<TimelineRow> back = SamplesCsv.read(f);
        assertThat(back).containsExactly(cold, prewarm);
        assertThat(back.get(0).tSynHookNs()).isNull();
        assertThat(back.get(1).e2eMs()).isEqualTo(129.999, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static TimelineRow row(String mode, Long syn, long start, long done) {
        return new TimelineRow("abcd", "c1", 0, "fn-static", 200, 20, 0, 0, "http", mode, TimelineRow.Status.ok, "",
                start, start + 40_000_000L, null, start + 40_100_000L, done - 10, done, syn, syn, null, null, null,
                null, null, null, null, null, 200.5, "cold");
    }
}
