package dev.synwarm.plot;

import dev.synwarm.measure.TimelineRow;
import dev.synwarm.scenario.Mode;
import dev.synwarm.stats.CellKey;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Figure 4: the timeline of one typical request per mode in the chosen cell (the request with the median
 * end-to-end latency), client lane above edge lane: handshakes, the SYN at the hook and the trigger,
 * container create / start / init, the request held at the gateway, execution and the response.
 */
public final class WaterfallFigure implements OneCellFigure {
    /** lane 0: client, 1: edge (probe and gateway), 2: runtime (container). */
    private record Phase(String label, Color color, Function<TimelineRow, Long> from, Function<TimelineRow, Long> to, int lane) {}

    private record Event(String label, Color color, Marker marker, Function<TimelineRow, Long> at, int lane) {}

    private static final List<Phase> PHASES = List.of(
            new Phase("TCP handshake", new Color(0x99, 0x99, 0x99), TimelineRow::tConnectStartNs, TimelineRow::tConnectDoneNs, 0),
            new Phase("TLS handshake", new Color(0x88, 0x66, 0xAA), TimelineRow::tConnectDoneNs, TimelineRow::tTlsDoneNs, 0),
            new Phase("awaiting response", new Color(0xCC, 0xCC, 0xCC), TimelineRow::tRequestSentNs, TimelineRow::tFirstByteNs, 0),
            new Phase("container create", new Color(0xD5, 0x5E, 0x00), TimelineRow::tCreateIssuedNs, TimelineRow::tCreateReturnedNs, 2),
            new Phase("container start", new Color(0xE6, 0x9F, 0x00), TimelineRow::tStartIssuedNs, TimelineRow::tStartReturnedNs, 2),
            new Phase("function init", new Color(0xF0, 0xE4, 0x42), TimelineRow::tStartReturnedNs, TimelineRow::tReadyNs, 2),
            new Phase("request held at gateway", new Color(0xCC, 0x79, 0xA7), TimelineRow::tRequestAtGatewayNs, TimelineRow::tForwardedNs, 1),
            new Phase("execution + forwarding", new Color(0x00, 0x9E, 0x73), TimelineRow::tForwardedNs, TimelineRow::tResponseAtGatewayNs, 1));

    private static final List<Event> EVENTS = List.of(
            new Event("SYN at edge hook", new Color(0x00, 0x72, 0xB2), SeriesMarkers.TRIANGLE_UP, TimelineRow::tSynHookNs, 1),
            new Event("pre-warm trigger", new Color(0x00, 0x00, 0x00), SeriesMarkers.DIAMOND, TimelineRow::tTriggerNs, 2),
            new Event("request at gateway", new Color(0xCC, 0x79, 0xA7), SeriesMarkers.CIRCLE, TimelineRow::tRequestAtGatewayNs, 1));

    @Override
    public String name() {
        return "fig4-waterfall";
    }

    @Override
    public List<FigureOutcome> render(RunData data, CellKey key, Path dir) throws IOException {
        List<TimelineRow> typical = new ArrayList<>();
        for (Mode m : Mode.values()) {
            List<TimelineRow> rs = data.counted(key, m);
            if (!rs.isEmpty()) {
                typical.add(rs.get((rs.size() - 1) / 2));
            }
        }
        XYChart chart = FigureStyle.xyChart(FigureStyle.WIDE, FigureStyle.HEIGHT + 40 * typical.size(),
                "Median request per mode — " + key.label(), "time since the client's SYN (ms)", "");
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        Set<String> inLegend = new HashSet<>();
        double maxX = typical.stream().mapToDouble(TimelineRow::e2eMs).max().orElse(1);
        for (int i = 0; i < typical.size(); i++) {
            TimelineRow r = typical.get(i);
            double top = LANE_BLOCK * (typical.size() - i);
            long t0 = r.tConnectStartNs();
            for (Phase p : PHASES) {
                Long a = p.from().apply(r);
                Long b = p.to().apply(r);
                if (a != null && b != null && b > a) {
                    double y = laneY(top, p.lane());
                    XYSeries s = chart.addSeries(p.label() + " " + i, new double[] {ms(a, t0), ms(b, t0)}, new double[] {y, y});
                    Plots.styleLine(s, p.color(), null, new BasicStroke(14f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
                    s.setLabel(p.label());
                    s.setShowInLegend(inLegend.add(p.label()));
                }
            }
            for (Event e : EVENTS) {
                Long at = e.at().apply(r);
                if (at != null) {
                    XYSeries s = chart.addSeries(e.label() + " " + i, new double[] {ms(at, t0)}, new double[] {laneY(top, e.lane())});
                    Plots.styleScatter(s, e.color(), e.marker());
                    s.setLabel(e.label());
                    s.setShowInLegend(inLegend.add(e.label()));
                }
            }
            chart.addAnnotation(new LeftText(r.mode() + String.format(java.util.Locale.ROOT, ": %.0f ms end to end", r.e2eMs()),
                    0, top - 0.35));
            for (int lane = 0; lane < LANES.length; lane++) {
                chart.addAnnotation(new LeftText(LANES[lane], maxX * 1.01, laneY(top, lane) - 0.15));
            }
        }
        if (typical.isEmpty()) {
            return List.of(FigureOutcome.skipped(name(), "no counted samples in the chosen cell"));
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(maxX * 1.12); // room for the lane names right of the bars
        chart.getStyler().setYAxisMin(0.2);
        chart.getStyler().setYAxisMax(LANE_BLOCK * typical.size() + 0.1);
        return List.of(FigureOutcome.drawn(name(), FigureFiles.save(dir, name(), List.of(chart), 1), key.label()));
    }

    private static final double LANE_BLOCK = 4.0;
    private static final String[] LANES = {"client", "edge", "runtime"};

    private static double laneY(double top, int lane) {
        return top - 1.0 - lane;
    }

    private static double ms(long t, long t0) {
        return (t - t0) / 1e6;
    }
}
