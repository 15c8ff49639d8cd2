package dev.synwarm.plot;

import dev.synwarm.model.LatencyModel;
import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
import dev.synwarm.stats.CellKey;
import dev.synwarm.stats.SummaryRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Figure 1: end-to-end latency against one-way delay, one panel per protocol: each mode's median with its
 * confidence band, the model dashed, the SYN modes' predicted break-even as a dotted vertical line. One
 * figure per series (function, init, jitter, loss) that has at least two one-way delays.
 */
public final class E2eVsOneWayFigure implements Figure {
    @Override
    public String name() {
        return "fig1-e2e-vs-oneway";
    }

    @Override
    public List<FigureOutcome> render(RunData data, Path dir) throws IOException {
        SummaryIndex idx = new SummaryIndex(data.summary().rows());
        List<CellKey> series = new ArrayList<>();
        for (CellKey k : idx.seriesKeys()) {
            boolean first = series.stream().noneMatch(s -> sameExceptProtocol(s, k));
            if (first && idx.series(k, Mode.COLD).size() + idx.series(k, Mode.WARM).size() >= 2
                    && oneWays(idx, k) >= 2) {
                series.add(k);
            }
        }
        if (series.isEmpty()) {
            return List.of(FigureOutcome.skipped(name(), "needs a series with at least two one-way delays"));
        }
        List<FigureOutcome> out = new ArrayList<>();
        for (CellKey s : series) {
            List<XYChart> panels = new ArrayList<>();
            for (Protocol p : idx.protocols()) {
                CellKey key = new CellKey(s.function(), s.initMs(), 0, s.jitterMs(), s.lossPct(), p);
                if (oneWays(idx, key) >= 2) {
                    panels.add(panel(idx, key));
                }
            }
            String file = series.size() == 1 ? name() : name() + "-" + suffix(s);
            // two panels per row stay readable in a printed page
            out.add(FigureOutcome.drawn(file, FigureFiles.save(dir, file, panels, Math.min(2, panels.size())),
                    s.function() + ", init " + fmt(s.initMs()) + " ms"));
        }
        return out;
    }

    private static XYChart panel(SummaryIndex idx, CellKey key) {
        XYChart chart = FigureStyle.xyChart(key.protocol().label() + " — " + key.function() + ", INIT_MS "
                + fmt(key.initMs()), "one-way delay (ms)", "end-to-end latency (ms)");
        double maxX = 0;
        double maxY = 0;
        double coldPath = Double.NaN;
        for (Mode m : idx.modes()) {
            List<SummaryRow> rs = idx.series(key, m).stream().filter(r -> r.medianMs() != null).toList();
            if (rs.isEmpty()) {
                continue;
            }
            Plots.band(chart, m.label() + " CI", rs, SummaryRow::medianLowMs, SummaryRow::medianHighMs, FigureStyle.color(m));
            XYSeries med = chart.addSeries(m.label(), SummaryIndex.xs(rs, SummaryRow::oneWayMs), SummaryIndex.xs(rs, SummaryRow::medianMs));
            Plots.styleLine(med, FigureStyle.color(m), FigureStyle.marker(m), FigureStyle.SOLID);
            List<SummaryRow> modelled = rs.stream().filter(r -> r.modelMs() != null).toList();
            if (modelled.size() >= 2) {
                XYSeries model = chart.addSeries(m.label() + " model", SummaryIndex.xs(modelled, SummaryRow::oneWayMs),
                        SummaryIndex.xs(modelled, SummaryRow::modelMs));
                Plots.styleLine(model, FigureStyle.color(m), null, FigureStyle.DASHED);
                model.setShowInLegend(false);
            }
            maxX = Math.max(maxX, rs.get(rs.size() - 1).oneWayMs());
            maxY = Math.max(maxY, rs.stream().mapToDouble(r -> r.medianHighMs() == null ? r.medianMs() : r.medianHighMs()).max().orElse(0));
            coldPath = rs.stream().filter(r -> r.coldPathMs() != null).mapToDouble(SummaryRow::coldPathMs).average().orElse(coldPath);
        }
        if (Double.isFinite(coldPath)) {
            markBreakEven(chart, key.protocol(), Mode.SYN_PORT, coldPath, maxX, maxY * 0.97, "L* SYN");
            markBreakEven(chart, key.protocol(), Mode.SNI, coldPath, maxX, maxY * 0.90, "L* SNI");
        }
        legendOnlyModelEntry(chart, maxY);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(maxX);
        chart.getStyler().setYAxisMax(maxY * 1.02);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    private static void markBreakEven(XYChart chart, Protocol p, Mode m, double coldPath, double maxX, double y, String label) {
        LatencyModel.breakEvenOneWayMs(p, m, coldPath).ifPresent(l -> {
            if (l <= maxX) {
                chart.addAnnotation(new AnnotationLine(l, true, false));
                // labels of lines near the right edge go left of the line, so they are not cut off
                chart.addAnnotation(new LeftText(String.format(Locale.ROOT, "%s = %.0f ms", label, l), l, y, l > 0.7 * maxX));
            }
        });
    }

    /**
     * One grey "model" legend entry for the dashed lines of every mode: a series outside the fixed x
     * range (XChart clips it), since XChart has no legend entries without a series.
     */
    private static void legendOnlyModelEntry(XYChart chart, double y) {
        XYSeries s = chart.addSeries("model (dashed)", new double[] {-2000, -1000}, new double[] {y / 2, y / 2});
        Plots.styleLine(s, FigureStyle.MODEL, null, FigureStyle.DASHED);
    }

    private static long oneWays(SummaryIndex idx, CellKey key) {
        return idx.rows().stream().filter(r -> r.cell().withoutOneWay().equals(key)).mapToDouble(SummaryRow::oneWayMs).distinct().count();
    }

    private static boolean sameExceptProtocol(CellKey a, CellKey b) {
        return a.function().equals(b.function()) && a.initMs() == b.initMs() && a.jitterMs() == b.jitterMs()
                && a.lossPct() == b.lossPct();
    }

    private static String suffix(CellKey s) {
        String x = s.function() + "-init" + fmt(s.initMs());
        if (s.jitterMs() > 0) {
            x += "-jitter" + fmt(s.jitterMs());
        }
        if (s.lossPct() > 0) {
            x += "-loss" + fmt(s.lossPct());
        }
        return x;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
