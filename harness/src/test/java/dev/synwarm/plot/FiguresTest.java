package dev.synwarm.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.measure.TimelineRow;
import dev.synwarm.scenario.Protocol;
import dev.synwarm.stats.Summarizer;
import dev.synwarm.stats.SummaryOptions;
import dev.synwarm.testing.SyntheticRun;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {
    @TempDir
    Path tmp;

    /** Set SYNWARM_FIGURES_DIR=/some/dir to keep the synthetic figures for a look. */
    private Path out() {
        String keep = System.getenv("SYNWARM_FIGURES_DIR");
        return keep == null ? tmp : Path.of(keep);
    }

    private static RunData data(List<TimelineRow> rows) {
        return new RunData(rows, new Summarizer(SummaryOptions.DEFAULT).summarize(rows));
    }

    @Test
    void aFullSweepGetsAllSixFiguresAsPngAndSvg() throws Exception {
        List<TimelineRow> rows = new SyntheticRun(10).inits(100.0, 250.0, 400.0)
                .oneWays(0.0, 20.0, 40.0, 80.0, 120.0, 160.0, 200.0)
                .protocols(Protocol.HTTP, Protocol.TLS13, Protocol.TLS12).repetitions(8).rows();
        List<FigureOutcome> outcomes = Figures.renderAll(data(rows), out());
        assertThat(outcomes).allSatisfy(o -> assertThat(o.isDrawn()).as(o.name() + ": " + o.skippedBecause()).isTrue());
        assertThat(outcomes).extracting(FigureOutcome::name).contains("fig2-normalised-saving", "fig3-speed-up",
                "fig4-waterfall", "fig5-cdf", "fig6-heatmap");
        for (FigureOutcome o : outcomes) {
            for (Path f : o.files()) {
                assertThat(f).exists();
                if (f.toString().endsWith(".png")) {
                    BufferedImage img = ImageIO.read(f.toFile());
                    assertThat(img.getWidth()).isGreaterThanOrEqualTo(FigureStyle.WIDTH);
                } else {
                    assertThat(Files.readString(f)).startsWith("<?xml").contains("<svg");
                }
            }
        }
    }

    @Test
    void oneInitTimeMeansNoHeatMapAndSaysWhy() throws Exception {
        List<FigureOutcome> outcomes = Figures.renderAll(data(new SyntheticRun(11).rows()), tmp);
        FigureOutcome heat = outcomes.stream().filter(o -> o.name().equals("fig6-heatmap")).findFirst().orElseThrow();
        assertThat(heat.isDrawn()).isFalse();
        assertThat(heat.skippedBecause()).contains("two init times");
        assertThat(outcomes.stream().filter(FigureOutcome::isDrawn).map(FigureOutcome::name))
                .contains("fig1-e2e-vs-oneway", "fig2-normalised-saving", "fig5-cdf");
    }
}
