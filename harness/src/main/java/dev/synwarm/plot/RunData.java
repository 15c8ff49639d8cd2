package dev.synwarm.plot;

import dev.synwarm.measure.TimelineRow;
import dev.synwarm.stats.RunSummary;
import java.util.List;

/** What figures are drawn from: the raw samples (CDFs, waterfalls) and their summary (everything else). */
public record RunData(List<TimelineRow> samples, RunSummary summary) {
    public RunData {
        samples = List.copyOf(samples);
    }
}
