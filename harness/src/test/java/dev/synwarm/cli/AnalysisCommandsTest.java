package dev.synwarm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.scenario.Protocol;
import dev.synwarm.testing.SyntheticRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report and regress through the real CLI entry, on temporary run directories. */
class AnalysisCommandsTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportRebuildsSummaryAndFiguresFromTheCsvAlone() throws Exception {
        Path run = new SyntheticRun(1).protocols(Protocol.HTTP).writeTo(tmp.resolve("run"));
        assertThat(Main.execute("report", run.toString())).isZero();
        assertThat(run.resolve("summary.csv")).exists();
        assertThat(run.resolve("summary.json")).exists();
        assertThat(run.resolve("figures/fig2-normalised-saving.png")).exists();
        assertThat(run.resolve("figures/fig2-normalised-saving.svg")).exists();
        assertThat(stdout()).contains("fn-static init 150 ms, 60 ms one-way, http — cold path I = ")
                .contains("syn-port").contains("model MAPE per mode:")
                .contains("figure fig6-heatmap: skipped, needs at least two init times");
        assertThat(Files.readAllLines(run.resolve("summary.csv"))).hasSize(1 + 3 * 5);
    }

    @Test
    void reportOnAMissingDirectoryIsOneLineAndExit2() {
        assertThat(Main.execute("report", tmp.resolve("nope").toString())).isEqualTo(Main.EXIT_USAGE);
        assertThat(stderr().lines()).containsExactly("synwarm: " + tmp.resolve("nope") + ": no such run directory");
    }

    @Test
    void reportOnADirectoryWithoutSamplesIsOneLineAndExit2() {
        assertThat(Main.execute("report", tmp.toString())).isEqualTo(Main.EXIT_USAGE);
        assertThat(stderr().lines()).containsExactly("synwarm: " + tmp + ": not a run directory (no samples.csv)");
    }

    @Test
    void reportOnABrokenCsvNamesFileAndLineAndWritesNothing() throws Exception {
        Path run = new SyntheticRun(2).protocols(Protocol.HTTP).writeTo(tmp.resolve("run"));
        Path csv = run.resolve("samples.csv");
        Files.writeString(csv, Files.readString(csv).replaceFirst(",syn-port,", ",syn-prot,"));
        assertThat(Main.execute("report", run.toString())).isEqualTo(Main.EXIT_USAGE);
        assertThat(stderr().lines()).hasSize(1).first().asString()
                .matches("synwarm: .*samples\\.csv:\\d+: unknown mode 'syn-prot' \\(expected .*\\)");
        assertThat(run.resolve("summary.json")).doesNotExist();
        assertThat(run.resolve("figures")).doesNotExist();
    }

    @Test
    void regressFailsWithOneLinePerCheckWhenTheProbeWasOff() throws Exception {
        Path run = new SyntheticRun(3).oneWays(0.0, 250.0).probeOff().writeTo(tmp.resolve("run"));
        assertThat(Main.execute("regress", "--run", run.toString(), "--baseline", tmp.resolve("base").toString()))
                .isEqualTo(Main.EXIT_FAILED);
        assertThat(stderr()).contains("FAIL normalised saving: fn-static init 150 ms, 250 ms one-way, http, syn-port: no counted samples")
                .containsPattern("regress: \\d+ of \\d+ checks failed");
    }

    @Test
    void regressPassesAHealthyRunAndUpdatesTheBaselineOnlyWhenAsked() throws Exception {
        Path run = new SyntheticRun(4).oneWays(0.0, 250.0).writeTo(tmp.resolve("run"));
        Path base = tmp.resolve("base");
        assertThat(Main.execute("regress", "--run", run.toString(), "--baseline", base.toString())).isZero();
        assertThat(base).doesNotExist();
        assertThat(Main.execute("regress", "--run", run.toString(), "--baseline", base.toString(), "--update-baseline")).isZero();
        assertThat(base.resolve("summary.json")).exists();
        assertThat(Files.readString(base.resolve("SOURCE"))).contains(run.toString());
        assertThat(Main.execute("regress", "--run", run.toString(), "--baseline", base.toString())).isZero();
        var lines = stdout().lines().toList();
        assertThat(lines.stream().filter(l -> l.contains("no baseline")).count()).isEqualTo(2); // not on the third run
        assertThat(lines.getLast()).matches("regress: all \\d+ checks passed for .*");
    }

    @Test
    void reproduceRejectsBadInputBeforeRunningAnything(@TempDir Path empty) {
        assertThat(Main.execute("reproduce", "--quick", "--paper", empty.toString())).isEqualTo(Main.EXIT_USAGE);
        assertThat(stderr().lines()).hasSize(1).first().asString().isEqualTo("synwarm: " + empty + ": no paper.tex here");
        assertThat(empty).isEmptyDirectory();
    }
}
