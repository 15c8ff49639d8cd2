package dev.synwarm.plot;

import dev.synwarm.measure.TimelineRow;
import dev.synwarm.scenario.Mode;
import dev.synwarm.stats.CellKey;
import dev.synwarm.stats.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Figure 5: empirical CDF of end-to-end latency per mode, for the chosen cell. */
public final class CdfFigure implements OneCellFigure {
    @Override
    public String name() {
        return "fig5-cdf";
    }

    @Override
    public List<FigureOutcome> render(RunData data, CellKey key, Path dir) throws IOException {
        XYChart chart = FigureStyle.xyChart("Latency CDF — " + key.label(), "end-to-end latency (ms)",
                "fraction of requests (1)");
        chart.getStyler().setYAxisDecimalPattern("0.0#"); // with few samples the steps fall on 1/6, 1/3, …
        int drawn = 0;
        for (Mode m : Mode.values()) {
            Sample s = Sample.of(data.counted(key, m).stream().mapToDouble(TimelineRow::e2eMs).toArray());
            if (s.isEmpty()) {
                continue;
            }
            double[] x = s.values();
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = (i + 1.0) / x.length;
            }
            XYSeries series = chart.addSeries(m.label() + " (n=" + x.length + ")", x, y);
            Plots.styleLine(series, FigureStyle.color(m), x.length <= 40 ? FigureStyle.marker(m) : null, FigureStyle.SOLID);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            drawn++;
        }
        if (drawn == 0) {
            return List.of(FigureOutcome.skipped(name(), "no counted samples in the chosen cell"));
        }
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        return List.of(FigureOutcome.drawn(name(), FigureFiles.save(dir, name(), List.of(chart), 1), key.label()));
    }
}
