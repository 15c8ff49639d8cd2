package dev.synwarm.report;

import dev.synwarm.stats.CellKey;
import dev.synwarm.stats.ModelError;
import dev.synwarm.stats.RunSummary;
import dev.synwarm.stats.SummaryRow;
import java.util.Locale;
import java.util.stream.Collectors;

/** The plain-text table {@code report} prints: per cell and mode, median E2E, saving, normalised saving, model error. */
public final class SummaryTable {
    private SummaryTable() {}

    public static String format(RunSummary s) {
        StringBuilder b = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-11s %4s %5s  %-24s %-22s %6s %8s", "mode", "n", "excl",
                "median E2E ms [95% CI]", "saving ms [95% CI]", "norm", "model err");
        var byCell = s.rows().stream().collect(Collectors.groupingBy(SummaryRow::cell, java.util.TreeMap::new, Collectors.toList()));
        byCell.forEach((CellKey cell, java.util.List<SummaryRow> rows) -> {
            b.append(cell.label());
            rows.stream().filter(r -> r.coldPathMs() != null).findFirst()
                    .ifPresent(r -> b.append(String.format(Locale.ROOT, " — cold path I = %.0f ms", r.coldPathMs())));
            b.append('\n').append("  ").append(header).append('\n');
            for (SummaryRow r : rows) {
                b.append("  ").append(String.format(Locale.ROOT, "%-11s %4d %5d  %-24s %-22s %6s %8s", r.mode(), r.n(),
                        r.excluded() + r.failed(), withCi(r.medianMs(), r.medianLowMs(), r.medianHighMs()),
                        withCi(r.savingMs(), r.savingLowMs(), r.savingHighMs()), num(r.normalisedSaving(), "%.2f"),
                        r.modelRelativeError() == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * r.modelRelativeError())))
                        .append('\n');
            }
        });
        b.append("model MAPE per mode:");
        for (ModelError e : s.modelErrors()) {
            b.append(String.format(Locale.ROOT, "  %s %.1f%% (%d cells)", e.mode(), 100 * e.mape(), e.cells()));
        }
        b.append('\n');
        s.breakEvens().forEach(be -> b.append(String.format(Locale.ROOT,
                "break-even %s %s init %s: predicted L* = %.0f ms (within %.0f ms of warm from %.0f ms), observed %s%n",
                be.protocol().label(), be.mode(), num(be.initMs(), "%.0f"), be.predictedMs(), be.toleranceMs(),
                be.predictedWithinToleranceMs(), be.observedMs() == null ? "— (" + be.note() + ")"
                        : String.format(Locale.ROOT, "%.0f ms", be.observedMs()))));
        return b.toString();
    }

    private static String withCi(Double v, Double lo, Double hi) {
        if (v == null) {
            return "-";
        }
        return lo == null ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", v, lo, hi);
    }

    private static String num(Double v, String fmt) {
        return v == null ? "-" : String.format(Locale.ROOT, fmt, v);
    }
}
