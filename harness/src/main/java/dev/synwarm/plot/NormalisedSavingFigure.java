package dev.synwarm.plot;

import dev.synwarm.stats.SummaryRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Figure 2: measured saving / min(I, accumulated latency) against accumulated latency / I, every cell and
 * pre-warming mode: if the model holds all points collapse onto the line y = 1, whatever the protocol,
 * init time or delay. Whiskers: the saving's bootstrap interval, scaled the same way.
 */
public final class NormalisedSavingFigure implements Figure {
    private static final double Y_MAX = 3;

    @Override
    public String name() {
        return "fig2-normalised-saving";
    }

    @Override
    public List<FigureOutcome> render(RunData data, Path dir) throws IOException {
        SummaryIndex idx = new SummaryIndex(data.summary().rows());
        List<SummaryRow> pts = idx.where(r -> r.modeValue().prewarms() && r.normalisedSaving() != null
                && r.accumulatedOverColdPath() != null);
        if (pts.isEmpty()) {
            return List.of(FigureOutcome.skipped(name(), "needs pre-warming and cold samples in a cell with accumulated latency > 0"));
        }
        XYChart chart = FigureStyle.xyChart(FigureStyle.WIDE, FigureStyle.HEIGHT, "Normalised saving: measured / min(I, accumulated latency)",
                "accumulated latency / cold path I (1)", "normalised saving (1)");
        Plots.pointsPerModeAndProtocol(chart, idx, pts, SummaryRow::normalisedSaving, SummaryRow::normalisedSavingLow,
                SummaryRow::normalisedSavingHigh);
        double maxX = pts.stream().mapToDouble(SummaryRow::accumulatedOverColdPath).max().orElse(1);
        XYSeries ideal = chart.addSeries("ideal = 1", new double[] {0, Math.max(maxX * 1.05, 1.2)}, new double[] {1, 1});
        Plots.styleLine(ideal, FigureStyle.MODEL, null, FigureStyle.DASHED);
        chart.addAnnotation(new AnnotationLine(1, true, false));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.addAnnotation(new AnnotationText("accumulated = I", 1, 0.12, false));
        chart.getStyler().setXAxisMin(0.0);
        // far from 1 (a small ideal saving divided into the cold path's noise on a loaded machine) the axis
        // stops at −1 and 3; the note counts the points it leaves out rather than hiding them
        double yMin = Math.max(-1.0, Math.min(0.0, Math.floor(pts.stream().mapToDouble(SummaryRow::normalisedSaving).min()
                .orElse(0) * 10) / 10));
        long outside = pts.stream().filter(r -> r.normalisedSaving() < yMin || r.normalisedSaving() > Y_MAX).count();
        chart.getStyler().setYAxisMin(yMin);
        chart.getStyler().setYAxisMax(Y_MAX);
        return List.of(FigureOutcome.drawn(name(), FigureFiles.save(dir, name(), List.of(chart), 1),
                pts.size() + " cell × mode points" + (outside == 0 ? "" : ", " + outside + " outside [−1, 3] not shown")));
    }
}
