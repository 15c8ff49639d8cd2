package dev.synwarm.stats;

import java.util.List;

/**
 * Everything {@code summary.json} holds: the per-cell, per-mode statistics, the model's error per mode
 * and the break-even delays. Small by design: it is also what a regression baseline keeps.
 */
public record RunSummary(
        int schema,
        String runId,
        double confidence,
        int bootstrapResamples,
        long bootstrapSeed,
        int samplesRead,
        List<SummaryRow> rows,
        List<ModelError> modelErrors,
        List<BreakEven> breakEvens) {
    public static final int SCHEMA = 1;

    public RunSummary {
        rows = List.copyOf(rows);
        modelErrors = List.copyOf(modelErrors);
        breakEvens = List.copyOf(breakEvens);
    }
}
