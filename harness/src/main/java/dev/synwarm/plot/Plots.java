package dev.synwarm.plot;

import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
import dev.synwarm.stats.SummaryRow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Drawing idioms XChart lacks: confidence bands, asymmetric interval whiskers. */
final class Plots {
    private Plots() {}

    static void styleLine(XYSeries s, Color c, Marker marker, BasicStroke stroke) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(c);
        s.setLineStyle(stroke);
        s.setMarker(marker == null ? SeriesMarkers.NONE : marker);
        s.setMarkerColor(c);
    }

    static void styleScatter(XYSeries s, Color c, Marker marker) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(c);
    }

    /**
     * A translucent band between low(x) and high(x) along the rows (ordered by x); drawn only where every
     * row has an interval, so the band never pretends to know more than the data.
     */
    static void band(XYChart chart, String name, List<SummaryRow> rows, Function<SummaryRow, Double> low,
            Function<SummaryRow, Double> high, Color c) {
        if (rows.size() < 2 || rows.stream().anyMatch(r -> low.apply(r) == null || high.apply(r) == null)) {
            return;
        }
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (SummaryRow r : rows) {
            x.add(r.oneWayMs());
            y.add(low.apply(r));
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            x.add(rows.get(i).oneWayMs());
            y.add(high.apply(rows.get(i)));
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(FigureStyle.translucent(c, 45));
        s.setLineColor(FigureStyle.translucent(c, 0));
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /** A vertical whisker from low to high at x (an asymmetric confidence interval). */
    static void whisker(XYChart chart, String name, double x, Double low, Double high, Color c) {
        if (low == null || high == null) {
            return;
        }
        XYSeries s = chart.addSeries(name, new double[] {x, x}, new double[] {low, high});
        styleLine(s, c, null, FigureStyle.THIN);
        s.setShowInLegend(false);
    }

    /**
     * The pre-warming points of a summary figure: one scatter series per mode and protocol (colour by mode,
     * marker by protocol, in the index's order) at x = accumulated latency / I, each with its interval whisker.
     */
    static void pointsPerModeAndProtocol(XYChart chart, SummaryIndex idx, List<SummaryRow> pts,
            Function<SummaryRow, Double> y, Function<SummaryRow, Double> low, Function<SummaryRow, Double> high) {
        int i = 0;
        for (Mode m : idx.modes()) {
            for (Protocol p : idx.protocols()) {
                List<SummaryRow> rs = pts.stream().filter(r -> r.modeValue() == m && r.protocol() == p).toList();
                if (rs.isEmpty()) {
                    continue;
                }
                for (SummaryRow r : rs) {
                    whisker(chart, "ci" + i++, r.accumulatedOverColdPath(), low.apply(r), high.apply(r),
                            FigureStyle.translucent(FigureStyle.color(m), 150));
                }
                XYSeries s = chart.addSeries(m.label() + ", " + p.label(), SummaryIndex.xs(rs, SummaryRow::accumulatedOverColdPath),
                        SummaryIndex.xs(rs, y::apply));
                styleScatter(s, FigureStyle.color(m), FigureStyle.marker(p));
            }
        }
    }
}
