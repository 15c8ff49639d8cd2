package dev.synwarm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.synwarm.scenario.Protocol;
import dev.synwarm.sys.Proc;
import dev.synwarm.testing.Requires;
import dev.synwarm.testing.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper and the notebook built from a synthetic run in a temporary directory (never in paper/ or
 * results/): every macro the paper uses is defined, the PDF builds, the notebook executes headless and
 * agrees with the Java summary.
 */
class PaperAndNotebookTest {
    @TempDir
    Path tmp;

    private Path syntheticRun() throws Exception {
        return new SyntheticRun(21).inits(100.0, 300.0).oneWays(0.0, 40.0, 120.0, 200.0)
                .protocols(Protocol.HTTP, Protocol.TLS13, Protocol.TLS12).repetitions(8).writeTo(tmp.resolve("run"));
    }

    @Test
    void numbersDefineEveryMacroThePaperUsesAndThePdfBuilds() throws Exception {
        Path paper = Files.createDirectories(tmp.resolve("paper"));
        Files.copy(Requires.repo().resolve("paper/paper.tex"), paper.resolve("paper.tex"));
        Path stale = Files.createDirectories(paper.resolve("figures")).resolve("fig1-e2e-vs-oneway.png");
        Files.writeString(stale, "from an earlier reproduce of other runs");
        Reproduce.Result r = Reproduce.fromRuns(List.of(syntheticRun()), paper);
        assertThat(stale).as("figures of other runs do not survive").doesNotExist();

        String numbers = Files.readString(r.numbers());
        String tex = Files.readString(paper.resolve("paper.tex"));
        var used = java.util.regex.Pattern.compile("\\\\([A-Z][A-Za-z]+)").matcher(tex).results()
                .map(m -> m.group(1)).distinct().toList();
        assertThat(used).isNotEmpty();
        for (String macro : used) {
            assertThat(numbers).as("macro \\" + macro).contains("\\newcommand{\\" + macro + "}");
        }
        assertThat(numbers).contains("\\newcommand{\\FigSix}{\\includegraphics").doesNotContain("NaN");
        assertThat(paper.resolve("figures/fig1-e2e-vs-oneway-fn-static-init100.png")).exists();
        assumeTrue(Proc.onPath("latexmk") && Proc.onPath("pdflatex"), "needs latexmk and pdflatex");
        assertThat(r.pdf()).isPresent();
        assertThat(r.pdf().get()).exists();
        assertThat(Files.size(r.pdf().get())).isGreaterThan(50_000);
    }

    @Test
    void notebookExecutesHeadlessAndAgreesWithTheJavaSummary() throws Exception {
        assumeTrue(Proc.onPath("jupyter"), "needs jupyter nbconvert");
        Path run = syntheticRun();
        Report.summarise(run);
        Path out = tmp.resolve("analysis.out.ipynb");
        ProcessBuilder pb = new ProcessBuilder("jupyter", "nbconvert", "--to", "notebook", "--execute",
                Requires.repo().resolve("notebooks/analysis.ipynb").toString(), "--output", out.toString())
                .redirectErrorStream(true);
        pb.environment().put("SYNWARM_RUN", run.toString());
        pb.environment().put("MPLCONFIGDIR", tmp.resolve("mpl").toString());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        String executed = Files.readString(out);
        assertThat(executed).contains("cell-mode medians compared, largest difference 0.000000 ms");
        assertThat(executed).contains("MAPE %").contains("image/png");
    }
}
