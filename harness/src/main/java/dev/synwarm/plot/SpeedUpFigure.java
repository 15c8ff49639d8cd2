package dev.synwarm.plot;

import dev.synwarm.scenario.Mode;
import dev.synwarm.stats.SummaryRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Figure 3: speed-up median(cold) / median(pre-warm) against accumulated latency / I, with the bootstrap
 * interval as a whisker and the model's speed-up for the same cell as a grey cross.
 */
public final class SpeedUpFigure implements Figure {
    @Override
    public String name() {
        return "fig3-speed-up";
    }

    @Override
    public List<FigureOutcome> render(RunData data, Path dir) throws IOException {
        SummaryIndex idx = new SummaryIndex(data.summary().rows());
        List<SummaryRow> pts = idx.where(r -> r.modeValue().prewarms() && r.speedUp() != null && r.accumulatedOverColdPath() != null);
        if (pts.isEmpty()) {
            return List.of(FigureOutcome.skipped(name(), "needs pre-warming and cold samples in the same cell"));
        }
        XYChart chart = FigureStyle.xyChart(FigureStyle.WIDE, FigureStyle.HEIGHT, "Speed-up over cold start", "accumulated latency / cold path I (1)",
                "speed-up: cold / pre-warm median (×)");
        Plots.pointsPerModeAndProtocol(chart, idx, pts, SummaryRow::speedUp, SummaryRow::speedUpLow, SummaryRow::speedUpHigh);
        List<Double> mx = new ArrayList<>();
        List<Double> my = new ArrayList<>();
        for (SummaryRow r : pts) { // the model's speed-up for the same cell: its cold prediction over this mode's
            idx.row(r.cell(), Mode.COLD).map(SummaryRow::modelMs).ifPresent(coldModel -> {
                if (r.modelMs() != null) {
                    mx.add(r.accumulatedOverColdPath());
                    my.add(coldModel / r.modelMs());
                }
            });
        }
        if (!mx.isEmpty()) {
            XYSeries model = chart.addSeries("model", mx, my);
            Plots.styleScatter(model, FigureStyle.MODEL, SeriesMarkers.CROSS);
        }
        chart.addAnnotation(new AnnotationLine(1, true, false));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisMin(1.0 > minY(pts) ? Math.floor(minY(pts) * 10) / 10 : 1.0);
        return List.of(FigureOutcome.drawn(name(), FigureFiles.save(dir, name(), List.of(chart), 1),
                pts.size() + " cell × mode points"));
    }

    private static double minY(List<SummaryRow> pts) {
        return pts.stream().mapToDouble(r -> r.speedUpLow() == null ? r.speedUp() : r.speedUpLow()).min().orElse(1);
    }
}
