package dev.synwarm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH's JSON (the shape jmh-core 1.37 writes with -rf json) into nanoseconds per operation. */
class JmhResultTest {
    static final String JSON = """
            [ {
                "jmhVersion" : "1.37", "benchmark" : "dev.synwarm.jmh.FfmCallBench.ffmLabs", "mode" : "avgt",
                "threads" : 1, "forks" : 1,
                "primaryMetric" : { "score" : 13.5, "scoreError" : 4.0, "scoreUnit" : "ns/op",
                                    "rawData" : [ [ 13.1, 13.5, 13.9 ] ] },
                "secondaryMetrics" : { }
              }, {
                "jmhVersion" : "1.37", "benchmark" : "dev.synwarm.bpf.RingConsumeBench.javaMmapReader", "mode" : "avgt",
                "primaryMetric" : { "score" : 0.5, "scoreError" : "NaN", "scoreUnit" : "us/op", "rawData" : [ [ 0.5 ] ] }
              } ]
            """;

    @Test
    void readsScoresErrorsAndSamplesInNanoseconds(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("jmh.json");
        Files.writeString(f, JSON);
        var results = JmhResult.read(f);
        assertThat(results).containsExactly(
                new JmhResult("dev.synwarm.jmh.FfmCallBench.ffmLabs", 13.5, 4.0, 3),
                new JmhResult("dev.synwarm.bpf.RingConsumeBench.javaMmapReader", 500.0, null, 1));
        assertThat(results.getFirst().group()).isEqualTo("FfmCallBench");
        assertThat(results.getFirst().method()).isEqualTo("ffmLabs");
        assertThat(results.getFirst().baseline()).isFalse();
    }

    @Test
    void refusesThroughputModeRatherThanMixingUnits(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("jmh.json");
        Files.writeString(f, JSON.replaceFirst("\"avgt\"", "\"thrpt\""));
        assertThatThrownBy(() -> JmhResult.read(f)).isInstanceOf(SystemException.class).hasMessageContaining("mode thrpt");
    }
}
