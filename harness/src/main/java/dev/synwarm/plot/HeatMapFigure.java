package dev.synwarm.plot;

import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
import dev.synwarm.stats.SummaryRow;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HeatMapChart;

/**
 * Figure 6: normalised saving of syn-port (syn-option when the run has no syn-port) over one-way delay ×
 * INIT_MS, one panel per protocol. Needs at least two of each; cells without a value stay blank.
 */
public final class HeatMapFigure implements Figure {
    @Override
    public String name() {
        return "fig6-heatmap";
    }

    @Override
    public List<FigureOutcome> render(RunData data, Path dir) throws IOException {
        SummaryIndex idx = new SummaryIndex(data.summary().rows());
        Mode mode = idx.modes().contains(Mode.SYN_PORT) ? Mode.SYN_PORT : Mode.SYN_OPTION;
        List<HeatMapChart> panels = new ArrayList<>();
        String function = null;
        for (Protocol p : idx.protocols()) {
            List<SummaryRow> rs = idx.where(r -> r.protocol() == p && r.modeValue() == mode && r.jitterMs() == 0 && r.lossPct() == 0);
            if (rs.isEmpty()) {
                continue;
            }
            String fn = function = rs.get(0).function();
            rs = rs.stream().filter(r -> r.function().equals(fn)).toList();
            // delays where nothing can be saved (0 ms: no accumulated latency) have no value to show
            List<Double> xs = rs.stream().filter(r -> r.normalisedSaving() != null).map(SummaryRow::oneWayMs).distinct().sorted().toList();
            List<Double> ys = rs.stream().map(SummaryRow::initMs).distinct().sorted().toList();
            if (xs.size() < 2 || ys.size() < 2) {
                continue;
            }
            List<Number[]> cells = new ArrayList<>();
            for (SummaryRow r : rs) {
                if (r.normalisedSaving() != null && xs.contains(r.oneWayMs())) {
                    cells.add(new Number[] {xs.indexOf(r.oneWayMs()), ys.indexOf(r.initMs()), r.normalisedSaving()});
                }
            }
            panels.add(panel(p, mode, fn, xs, ys, cells));
        }
        if (panels.isEmpty()) {
            return List.of(FigureOutcome.skipped(name(), "needs at least two init times and two one-way delays for "
                    + mode.label() + " (without jitter or loss)"));
        }
        return List.of(FigureOutcome.drawn(name(), FigureFiles.save(dir, name(), panels, Math.min(3, panels.size())),
                mode.label() + ", " + function));
    }

    private static HeatMapChart panel(Protocol p, Mode mode, String fn, List<Double> xs, List<Double> ys, List<Number[]> cells) {
        // the theme-less constructor leaves the styler's colours and fonts null
        HeatMapChart chart = new HeatMapChart(FigureStyle.WIDTH, FigureStyle.HEIGHT, org.knowm.xchart.style.Styler.ChartTheme.XChart);
        chart.setTitle("Normalised saving, " + mode.label() + ", " + p.label() + " (" + fn + ")");
        chart.setXAxisTitle("one-way delay (ms)");
        chart.setYAxisTitle("INIT_MS (ms)");
        FigureStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        // orange (nothing saved) → pale → purple (all saved), light enough for black values on every cell
        chart.getStyler().setRangeColors(new Color[] {new Color(0xE0, 0x82, 0x14), new Color(0xFD, 0xB8, 0x63),
            new Color(0xFE, 0xE0, 0xB6), new Color(0xD8, 0xDA, 0xEB), new Color(0xA0, 0x95, 0xCC)});
        chart.getStyler().setValueFontColor(FigureStyle.INK);
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(1.2);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setValueFont(FigureStyle.TICKS);
        chart.getStyler().setHeatMapValueDecimalPattern("0.00");
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.addSeries("normalised saving", xs.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList(),
                ys.stream().map(y -> String.format(Locale.ROOT, "%.0f", y)).toList(), cells);
        return chart;
    }
}
