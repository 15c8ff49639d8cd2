package dev.synwarm.plot;

import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
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
        double maxX = 0;
        int i = 0;
        for (Mode m : idx.modes()) {
            for (Protocol p : idx.protocols()) {
                List<SummaryRow> rs = pts.stream().filter(r -> r.modeValue() == m && r.protocol() == p).toList();
                if (rs.isEmpty()) {
                    continue;
                }
                for (SummaryRow r : rs) {
                    Plots.whisker(chart, "ci" + i++, r.accumulatedOverColdPath(), r.normalisedSavingLow(),
                            r.normalisedSavingHigh(), FigureStyle.translucent(FigureStyle.color(m), 150));
                    maxX = Math.max(maxX, r.accumulatedOverColdPath());
                }
                XYSeries s = chart.addSeries(m.label() + ", " + p.label(), SummaryIndex.xs(rs, SummaryRow::accumulatedOverColdPath),
                        SummaryIndex.xs(rs, SummaryRow::normalisedSaving));
                Plots.styleScatter(s, FigureStyle.color(m), FigureStyle.marker(p));
            }
        }
        XYSeries ideal = chart.addSeries("ideal = 1", new double[] {0, Math.max(maxX * 1.05, 1.2)}, new double[] {1, 1});
        Plots.styleLine(ideal, FigureStyle.MODEL, null, FigureStyle.DASHED);
        chart.addAnnotation(new AnnotationLine(1, true, false));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.addAnnotation(new AnnotationText("accumulated = I", 1, 0.12, false));
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(Math.max(1.3, pts.stream().mapToDouble(r -> r.normalisedSavingHigh() == null
                ? r.normalisedSaving() : r.normalisedSavingHigh()).max().orElse(1) * 1.05));
        return List.of(FigureOutcome.drawn(name(), FigureFiles.save(dir, name(), List.of(chart), 1),
                pts.size() + " cell × mode points"));
    }
}
