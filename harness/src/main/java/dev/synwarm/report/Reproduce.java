package dev.synwarm.report;

import dev.synwarm.measure.TimelineRow;
import dev.synwarm.plot.FigureOutcome;
import dev.synwarm.plot.Figures;
import dev.synwarm.plot.RunData;
import dev.synwarm.stats.RunSummary;
import dev.synwarm.stats.Summarizer;
import dev.synwarm.stats.SummaryFiles;
import dev.synwarm.stats.SummaryOptions;
import dev.synwarm.sys.AtomicFile;
import dev.synwarm.sys.Proc;
import dev.synwarm.sys.SystemException;
import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The paper's artefacts from measured runs: the runs' samples pooled, summarised into
 * {@code paper/generated/summary.{csv,json}}, figures into {@code paper/figures/}, every cited number into
 * {@code paper/generated/numbers.tex}, and {@code paper/paper.pdf} built with latexmk when TeX is present.
 */
public final class Reproduce {
    private Reproduce() {}

    public record Result(RunSummary summary, List<FigureOutcome> figures, Path numbers, Optional<Path> pdf, String pdfNote) {}

    public static Result fromRuns(List<Path> runDirs, Path paperDir) {
        if (runDirs.isEmpty()) {
            throw new UsageException("no run directory given");
        }
        if (!Files.isRegularFile(paperDir.resolve("paper.tex"))) {
            throw new UsageException(paperDir + ": no paper.tex here");
        }
        List<TimelineRow> samples = new ArrayList<>();
        for (Path d : runDirs) {
            samples.addAll(RunDirectory.open(d).samples());
        }
        RunSummary summary = new Summarizer(SummaryOptions.DEFAULT).summarize(samples);
        Path generated = paperDir.resolve("generated");
        Path numbers = generated.resolve("numbers.tex");
        try {
            SummaryFiles.write(generated, summary);
            Path figuresDir = paperDir.resolve("figures");
            removeOldFigures(figuresDir);
            List<FigureOutcome> figures = Figures.renderAll(new RunData(samples, summary), figuresDir);
            String provenance = "run(s) " + String.join(", ", runDirs.stream().map(p -> p.getFileName().toString()).toList());
            AtomicFile.writeString(numbers, PaperNumbers.tex(summary, figures, provenance));
            return pdf(paperDir, summary, figures, numbers);
        } catch (IOException e) {
            throw new SystemException("cannot write the paper's artefacts under " + paperDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The figures of an earlier reproduce: a figure this data cannot draw (or draws under another name, e.g.
     * one fig1 per init time) must not survive from other runs next to the new ones.
     */
    private static void removeOldFigures(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var old = Files.newDirectoryStream(dir, "fig*.{png,svg}")) {
            for (Path f : old) {
                Files.delete(f);
            }
        }
    }

    private static Result pdf(Path paperDir, RunSummary summary, List<FigureOutcome> figures, Path numbers) {
        if (!Proc.onPath("latexmk") || !Proc.onPath("pdflatex")) {
            return new Result(summary, figures, numbers, Optional.empty(),
                    "latexmk/pdflatex not installed: paper.pdf not built (apt-get install latexmk texlive-latex-extra)");
        }
        Path tex = paperDir.resolve("paper.tex").toAbsolutePath();
        Proc.run(List.of("latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "-cd", tex.toString()),
                Duration.ofMinutes(5)).orThrow();
        return new Result(summary, figures, numbers, Optional.of(paperDir.resolve("paper.pdf")), "built with latexmk");
    }
}
