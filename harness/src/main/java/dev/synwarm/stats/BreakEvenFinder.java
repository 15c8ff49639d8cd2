package dev.synwarm.stats;

import dev.synwarm.model.LatencyModel;
import dev.synwarm.model.Timeline;
import dev.synwarm.scenario.Mode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Break-even one-way delays per series (cells differing only in one-way delay) and pre-warming mode. */
public final class BreakEvenFinder {
    /** "As fast as warm" means within 5 % of the cold path or 5 ms, whichever is larger (the project's target). */
    public static final double TOLERANCE_FRACTION = 0.05;
    public static final double TOLERANCE_FLOOR_MS = 5;

    private BreakEvenFinder() {}

    public static List<BreakEven> find(List<SummaryRow> rows) {
        Map<CellKey, List<SummaryRow>> series = new TreeMap<>();
        for (SummaryRow r : rows) {
            series.computeIfAbsent(r.cell().withoutOneWay(), c -> new ArrayList<>()).add(r);
        }
        List<BreakEven> out = new ArrayList<>();
        series.forEach((key, members) -> {
            for (Mode mode : Mode.values()) {
                if (mode.prewarms() && Timeline.roundTripsAfterTrigger(key.protocol(), mode) > 0) {
                    seriesBreakEven(key, mode, members).ifPresent(out::add);
                }
            }
        });
        return out;
    }

    private static Optional<BreakEven> seriesBreakEven(CellKey key, Mode mode, List<SummaryRow> members) {
        List<double[]> points = new ArrayList<>(); // {oneWay, residual = median(mode) - median(warm)}
        List<Double> coldPaths = new ArrayList<>();
        members.stream().map(SummaryRow::oneWayMs).distinct().sorted().forEach(l -> {
            SummaryRow m = find(members, l, mode);
            SummaryRow w = find(members, l, Mode.WARM);
            if (m != null && w != null && m.medianMs() != null && w.medianMs() != null) {
                points.add(new double[] {l, m.medianMs() - w.medianMs()});
            }
            if (m != null && m.coldPathMs() != null) {
                coldPaths.add(m.coldPathMs());
            }
        });
        if (coldPaths.isEmpty() || points.isEmpty()) {
            return Optional.empty();
        }
        double coldPath = Sample.of(coldPaths.stream().mapToDouble(Double::doubleValue).toArray()).median();
        double tolerance = Math.max(TOLERANCE_FLOOR_MS, TOLERANCE_FRACTION * coldPath);
        int rtts = Timeline.roundTripsAfterTrigger(key.protocol(), mode);
        double predicted = LatencyModel.breakEvenOneWayMs(key.protocol(), mode, coldPath).orElseThrow();
        double predictedWithin = Math.max(0, (coldPath - tolerance) / (2.0 * rtts));
        Double observed = null;
        String note;
        points.sort(Comparator.comparingDouble(p -> p[0]));
        OptionalDouble crossing = crossing(points, tolerance);
        if (points.size() < 2) {
            note = "one one-way delay only";
        } else if (points.get(0)[1] <= tolerance) {
            note = String.format(Locale.ROOT, "within tolerance already at %.0f ms", points.get(0)[0]);
        } else if (crossing.isEmpty()) {
            note = String.format(Locale.ROOT, "not within tolerance up to %.0f ms", points.get(points.size() - 1)[0]);
        } else {
            observed = crossing.getAsDouble();
            note = "";
        }
        return Optional.of(new BreakEven(key.function(), key.initMs(), key.jitterMs(), key.lossPct(),
                key.protocol(), mode.label(), coldPath, predicted, tolerance, predictedWithin, observed, note));
    }

    /** First delay where the residual falls to the tolerance, interpolated from the point before it. */
    static OptionalDouble crossing(List<double[]> points, double tolerance) {
        for (int i = 1; i < points.size(); i++) {
            double[] a = points.get(i - 1);
            double[] b = points.get(i);
            if (a[1] > tolerance && b[1] <= tolerance) {
                return OptionalDouble.of(a[0] + (tolerance - a[1]) * (b[0] - a[0]) / (b[1] - a[1]));
            }
        }
        return OptionalDouble.empty();
    }

    private static SummaryRow find(List<SummaryRow> rows, double oneWay, Mode mode) {
        return rows.stream().filter(r -> r.oneWayMs() == oneWay && r.mode().equals(mode.label())).findFirst().orElse(null);
    }
}
