package dev.synwarm.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.bench.Bench;
import dev.synwarm.bench.BenchSummary;
import dev.synwarm.bench.JmhResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The quick suite's cheapest benchmark end to end: the bench use case forks JMH (its own JVM, the quick
 * settings) over this module's class path, reads its JSON and writes summary.json and summary.md. No
 * timing is asserted; the numbers only have to exist and make sense.
 */
class QuickSuiteTest {
    @Test
    void runsTheCheapestBenchmarkIntoASummary(@TempDir Path dir) throws IOException {
        StringWriter progress = new StringWriter();
        Path repo = Path.of(System.getProperty("synwarm.repo", "..")).toAbsolutePath().normalize();
        Bench.Options o = new Bench.Options(true, repo, dir, "FfmCallBench.javaCallBaseline", false);

        Path out = Bench.run(o, System.getProperty("java.class.path"), dir, new PrintWriter(progress, true));

        BenchSummary s = BenchSummary.read(out);
        assertThat(s.jmh()).singleElement().satisfies(r -> {
            assertThat(r.benchmark()).isEqualTo("dev.synwarm.jmh.FfmCallBench.javaCallBaseline");
            assertThat(r.baseline()).isTrue();
            assertThat(r.nsPerOp()).isPositive().isFinite();
            assertThat(r.samples()).isEqualTo(3); // quick: 1 fork × 3 measured iterations
        });
        assertThat(s.quick()).isTrue();
        assertThat(s.machine().cores()).isPositive();
        assertThat(s.notMeasured()).extracting(BenchSummary.NotMeasured::figure).contains("end-to-end figures");
        assertThat(Files.readString(out.resolve("summary.md"))).contains("| FfmCallBench | javaCallBaseline |");
        assertThat(progress.toString()).contains("jmh dev.synwarm.jmh.FfmCallBench.javaCallBaseline");
        assertThat(out.resolve("jmh.json")).isRegularFile();
    }

    @Test
    void everyBenchmarkGroupHasABaseline() {
        // the suite's rule, checked on the list JMH generated at compile time (META-INF/BenchmarkList)
        var silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        var list = BenchmarkList.defaultList().getAll(silent, List.of());
        var byGroup = list.stream().collect(Collectors.groupingBy(
                b -> b.getUsername().substring(0, b.getUsername().lastIndexOf('.'))));
        assertThat(byGroup).isNotEmpty();
        byGroup.forEach((group, benches) -> assertThat(benches)
                .as(group + " has a …Baseline benchmark")
                .anySatisfy(b -> assertThat(b.getUsername()).endsWith("Baseline")));
    }
}
