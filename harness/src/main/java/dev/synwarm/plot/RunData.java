package dev.synwarm.plot;

import dev.synwarm.measure.TimelineRow;
import dev.synwarm.scenario.Mode;
import dev.synwarm.stats.CellKey;
import dev.synwarm.stats.RunSummary;
import dev.synwarm.stats.Summarizer;
import java.util.Comparator;
import java.util.List;

/** What figures are drawn from: the raw samples (CDFs, waterfalls) and their summary (everything else). */
public record RunData(List<TimelineRow> samples, RunSummary summary) {
    public RunData {
        samples = List.copyOf(samples);
    }

    /** The counted samples of one mode in one cell, fastest first (what the per-cell figures draw). */
    List<TimelineRow> counted(CellKey cell, Mode mode) {
        return samples.stream().filter(r -> Summarizer.counts(r) && r.mode().equals(mode.label()) && CellKey.of(r).equals(cell))
                .sorted(Comparator.comparingDouble(TimelineRow::e2eMs)).toList();
    }
}
