package dev.synwarm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.json → Markdown table → the README section between the markers, and nothing else. */
class SummaryMarkdownTest {
    static final Machine MACHINE = new Machine("Test CPU @ 2.0GHz", 2, 24L << 30, "6.18.0", "25.0.3 (Eclipse Adoptium)",
            "Debian GNU/Linux 12 (bookworm)");

    static BenchSummary summary() {
        return new BenchSummary("2025-11-28T00:00:00Z", "abc1234def-dirty", true, "1 fork", MACHINE,
                List.of(new JmhResult("dev.synwarm.jmh.FfmCallBench.javaCallBaseline", 1.25, 0.05, 3),
                        new JmhResult("dev.synwarm.jmh.FfmCallBench.ffmLabs", 12.5, null, 3),
                        new JmhResult("dev.synwarm.bpf.RingConsumeBench.javaMmapReader", 56_700, 340.0, 3)),
                List.of(EndToEndFigure.of("SYN → listener, spin", "probe | testbed", 200, 600, 304_000)
                        .against("blocking", 222_000, 376_000)),
                List.of(new WallTime("quick.yaml", 100, 150_000_000_000L, 60_000_000_000L)),
                List.of(new BenchSummary.NotMeasured("gateway forwarding", "not landed")));
    }

    @Test
    void rendersEveryRowWithUnitsRatiosAndTheMachine() {
        String md = SummaryMarkdown.render(summary());
        assertThat(md).contains("Test CPU @ 2.0GHz, 2 cores, 24 GiB, Debian GNU/Linux 12 (bookworm), Linux 6.18.0, JDK 25.0.3")
                .contains("commit `abc1234-dirty`").contains("`./synwarm bench --quick`")
                .contains("| FfmCallBench | javaCallBaseline | 1.25 ns | 0.05 ns | 800.00 M | baseline |")
                .contains("| FfmCallBench | ffmLabs | 12.5 ns | — | 80.00 M | 10.00 |")
                .contains("| RingConsumeBench | javaMmapReader | 56.7 µs | 340 ns | 17.64 k | — |")
                .contains("| SYN → listener, spin | 200 | 600 ns | 304 µs | blocking | 222 µs | 376 µs | probe \\| testbed |")
                .contains("| quick.yaml | 100 | 150 s | 60.0 s | 2.50 |")
                .contains("- gateway forwarding: not landed");
    }

    @Test
    void summaryRoundTripsThroughJson(@TempDir Path dir) throws IOException {
        summary().write(dir);
        assertThat(BenchSummary.read(dir)).isEqualTo(summary());
    }

    @Test
    void replacesOnlyTheTextBetweenTheMarkers() {
        String readme = "# synwarm\n\nintro\n\n## Performance\n\n" + ReadmeSection.BEGIN + "\nold table\n"
                + ReadmeSection.END + "\n\n## Licence\n\nMIT\n";
        String out = ReadmeSection.replace(readme, "| new |\n", "README.md");
        assertThat(out).isEqualTo("# synwarm\n\nintro\n\n## Performance\n\n" + ReadmeSection.BEGIN + "\n| new |\n"
                + ReadmeSection.END + "\n\n## Licence\n\nMIT\n");
        assertThat(ReadmeSection.replace(out, "| new |\n", "README.md")).isEqualTo(out); // idempotent
    }

    @Test
    void appendsAHeadingAndMarkersWhenAbsent() {
        assertThat(ReadmeSection.replace("# synwarm\n", "table", "README.md"))
                .isEqualTo("# synwarm\n\n## Performance\n\n" + ReadmeSection.BEGIN + "\ntable\n" + ReadmeSection.END + "\n");
    }

    @Test
    void refusesUnpairedOrReversedMarkers() {
        assertThatThrownBy(() -> ReadmeSection.replace("a " + ReadmeSection.BEGIN + " b", "t", "README.md"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("README.md: needs exactly one");
        assertThatThrownBy(() -> ReadmeSection.replace(ReadmeSection.END + ReadmeSection.BEGIN, "t", "README.md"))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void updateRewritesTheFileFromTheSummary(@TempDir Path dir) throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# x\n\n" + ReadmeSection.BEGIN + "\n" + ReadmeSection.END + "\nafter\n");
        ReadmeSection.update(readme, summary());
        String text = Files.readString(readme);
        assertThat(text).startsWith("# x\n\n" + ReadmeSection.BEGIN + "\nMeasured on Test CPU").endsWith(ReadmeSection.END + "\nafter\n")
                .contains("| FfmCallBench | ffmLabs |");
    }

    @Test
    void aMissingSummaryIsAUsageErrorNamingTheFile(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> BenchSummary.read(dir)).isInstanceOf(UsageException.class)
                .hasMessageContaining(dir.resolve("summary.json").toString());
        Files.writeString(dir.resolve("summary.json"), "{\"createdUtc\": 3, ");
        assertThatThrownBy(() -> BenchSummary.read(dir)).isInstanceOf(UsageException.class)
                .hasMessageContaining("not a bench summary");
    }
}
