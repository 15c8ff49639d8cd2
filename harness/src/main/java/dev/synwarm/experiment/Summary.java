package dev.synwarm.experiment;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.synwarm.measure.AtomicFiles;
import dev.synwarm.measure.RunManifest.LinkCalibration;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.measure.TimelineRow.Status;
import dev.synwarm.scenario.Cell;
import dev.synwarm.scenario.Mode;
import dev.synwarm.sys.Durations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The process step: per-cell medians from samples.csv rows, the printed table, link calibration. */
public final class Summary {
    private static final CsvMapper CSV = new CsvMapper();

    private Summary() {}

    public static List<CellSummary> of(List<Cell> cells, List<TimelineRow> rows) {
        Map<String, List<TimelineRow>> byCell = rows.stream().collect(Collectors.groupingBy(TimelineRow::cellId));
        List<CellSummary> out = new ArrayList<>();
        for (Cell c : cells) {
            List<TimelineRow> rs = byCell.getOrDefault(c.id(), List.of());
            List<TimelineRow> ok = rs.stream().filter(r -> r.status() == Status.ok).toList();
            double[] e2e = ok.stream().mapToDouble(TimelineRow::e2eMs).sorted().toArray();
            double[] connect = ok.stream().mapToDouble(TimelineRow::connectMs).sorted().toArray();
            out.add(new CellSummary(c.id(), c.function(), Durations.millis(c.init()), Durations.millis(c.link().oneWay()),
                    Durations.millis(c.link().jitter()), c.link().lossPercent(), c.protocol().label(), c.mode().label(),
                    ok.size(), count(rs, Status.excluded), count(rs, Status.failed), quantile(e2e, 0.5),
                    quantile(e2e, 0.25), quantile(e2e, 0.75), quantile(connect, 0.5)));
        }
        out.sort(Comparator.comparing(CellSummary::function).thenComparingDouble(CellSummary::initMs)
                .thenComparingDouble(CellSummary::oneWayMs).thenComparing(CellSummary::protocol)
                .thenComparing(s -> Mode.of(s.mode()).orElseThrow().ordinal()));
        return out;
    }

    public static void write(Path file, List<CellSummary> summary) throws IOException {
        CsvSchema schema = CSV.schemaFor(CellSummary.class).withHeader();
        AtomicFiles.write(file, CSV.writer(schema).writeValueAsBytes(summary));
    }

    /**
     * Median E2E per cell and mode, one line per (function, init, one-way, protocol):
     * {@code fn-static 150ms 60ms tls13 | cold 612.3 (3) | syn-port 402.1 (3) | …}.
     */
    public static String table(List<CellSummary> summary) {
        Map<String, Map<String, CellSummary>> lines = new LinkedHashMap<>();
        for (CellSummary s : summary) {
            String key = String.format("%-10s %7s %7s %-6s", s.function(), fmtMs(s.initMs()), fmtMs(s.oneWayMs()), s.protocol());
            lines.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(s.mode(), s);
        }
        List<String> modes = Arrays.stream(Mode.values()).map(Mode::label)
                .filter(m -> summary.stream().anyMatch(s -> s.mode().equals(m))).toList();
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-10s %7s %7s %-6s", "function", "init", "one-way", "proto"));
        for (String m : modes) {
            b.append(String.format(" | %16s", m));
        }
        b.append("\n");
        for (var line : lines.entrySet()) {
            b.append(line.getKey());
            for (String m : modes) {
                CellSummary s = line.getValue().get(m);
                b.append(s == null ? String.format(" | %16s", "")
                        : String.format(" | %9s ms (%d)", Double.isNaN(s.medianE2eMs()) ? "-" : String.format("%.1f", s.medianE2eMs()), s.ok()));
            }
            b.append("\n");
        }
        b.append("median end-to-end latency (connect start to last byte) of counted samples; (n) counted.\n");
        return b.toString();
    }

    /** Measured median TCP connect (one RTT) per link against twice its one-way delay. */
    public static List<LinkCalibration> calibration(List<TimelineRow> rows) {
        Map<List<Double>, List<TimelineRow>> byLink = rows.stream().filter(r -> r.tConnectDoneNs() != null)
                .collect(Collectors.groupingBy(r -> List.of(r.oneWayMs(), r.jitterMs(), r.lossPct()), LinkedHashMap::new,
                        Collectors.toList()));
        List<LinkCalibration> out = new ArrayList<>();
        byLink.forEach((k, rs) -> {
            double[] c = rs.stream().mapToDouble(TimelineRow::connectMs).sorted().toArray();
            double p50 = quantile(c, 0.5);
            out.add(new LinkCalibration(k.get(0), k.get(1), k.get(2), 2 * k.get(0), c.length, p50, p50 - 2 * k.get(0)));
        });
        out.sort(Comparator.comparingDouble(LinkCalibration::oneWayMs));
        return out;
    }

    private static int count(List<TimelineRow> rs, Status s) {
        return (int) rs.stream().filter(r -> r.status() == s).count();
    }

    /** Linear-interpolation quantile of sorted values; NaN when there are none. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static String fmtMs(double ms) {
        return ms == Math.rint(ms) ? (long) ms + "ms" : ms + "ms";
    }
}
