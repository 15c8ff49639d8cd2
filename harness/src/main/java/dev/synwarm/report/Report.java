package dev.synwarm.report;

import dev.synwarm.plot.FigureOutcome;
import dev.synwarm.plot.Figures;
import dev.synwarm.plot.RunData;
import dev.synwarm.stats.RunSummary;
import dev.synwarm.stats.Summarizer;
import dev.synwarm.stats.SummaryFiles;
import dev.synwarm.stats.SummaryOptions;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code report} use case: samples.csv → summary.csv + summary.json beside it → figures in
 * {@code figures/}. Reads nothing but samples.csv, so any run directory can be re-analysed.
 */
public final class Report {
    private Report() {}

    public record Result(RunDirectory run, RunSummary summary, List<FigureOutcome> figures) {}

    /** Only the statistics: summary.csv + summary.json, no figures (what {@code regress} needs). */
    public static Result summarise(Path runDir) {
        RunDirectory run = RunDirectory.open(runDir);
        RunSummary summary = new Summarizer(SummaryOptions.DEFAULT).summarize(run.samples());
        try {
            SummaryFiles.write(run.dir(), summary);
        } catch (IOException e) {
            throw new SystemException("cannot write the summary into " + runDir + ": " + e.getMessage(), e);
        }
        return new Result(run, summary, List.of());
    }

    public static Result build(Path runDir) {
        return build(runDir, runDir.resolve(RunDirectory.FIGURES));
    }

    /** As {@link #build(Path)}, with the figures written to {@code figuresDir} (reproduce puts them under paper/). */
    public static Result build(Path runDir, Path figuresDir) {
        RunDirectory run = RunDirectory.open(runDir);
        RunSummary summary = new Summarizer(SummaryOptions.DEFAULT).summarize(run.samples());
        try {
            SummaryFiles.write(run.dir(), summary);
            List<FigureOutcome> figures = Figures.renderAll(new RunData(run.samples(), summary), figuresDir);
            return new Result(run, summary, figures);
        } catch (IOException e) {
            throw new SystemException("cannot write the report into " + runDir + ": " + e.getMessage(), e);
        }
    }
}
