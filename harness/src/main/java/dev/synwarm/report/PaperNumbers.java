package dev.synwarm.report;

import dev.synwarm.plot.FigureOutcome;
import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
import dev.synwarm.stats.BreakEven;
import dev.synwarm.stats.ModelError;
import dev.synwarm.stats.RunSummary;
import dev.synwarm.stats.Sample;
import dev.synwarm.stats.SummaryRow;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code paper/generated/numbers.tex}: every number the paper's text cites, as a macro computed from the
 * summary, and one macro per figure that includes it or says why the run lacks it. The paper never
 * states a number of its own.
 */
public final class PaperNumbers {
    private PaperNumbers() {}

    public static String tex(RunSummary s, List<FigureOutcome> figures, String provenance) {
        TexMacros m = new TexMacros();
        List<SummaryRow> rows = s.rows();
        m.text("RunIds", s.runId());
        m.text("SampleCount", Integer.toString(s.samplesRead()));
        m.text("CountedCount", Integer.toString(rows.stream().mapToInt(SummaryRow::n).sum()));
        m.text("ExcludedCount", Integer.toString(rows.stream().mapToInt(SummaryRow::excluded).sum()));
        m.text("FailedCount", Integer.toString(rows.stream().mapToInt(SummaryRow::failed).sum()));
        m.text("CellCount", Long.toString(rows.stream().map(SummaryRow::cell).distinct().count()));
        m.text("MinRepetitions", Integer.toString(rows.stream().mapToInt(SummaryRow::n).min().orElse(0)));
        m.text("ConfidencePct", fmt("%.0f", 100 * s.confidence()));
        m.text("BootstrapResamples", Integer.toString(s.bootstrapResamples()));
        m.text("Functions", String.join(", ", rows.stream().map(SummaryRow::function).distinct().sorted().toList()));
        m.text("InitTimesMs", list(rows.stream().map(SummaryRow::initMs).distinct().sorted().toList()));
        m.text("OneWayDelaysMs", list(rows.stream().map(SummaryRow::oneWayMs).distinct().sorted().toList()));
        m.text("Protocols", String.join(", ", rows.stream().map(r -> r.protocol().label()).distinct().sorted().toList()));

        Sample coldPaths = Sample.of(rows.stream().filter(r -> r.coldPathMs() != null)
                .map(SummaryRow::cell).distinct()
                .mapToDouble(c -> rows.stream().filter(r -> r.cell().equals(c) && r.coldPathMs() != null).findFirst().orElseThrow().coldPathMs())
                .toArray());
        m.text("ColdPathMedianMs", ms(coldPaths.median()));
        m.text("ColdPathMinMs", ms(coldPaths.min()));
        m.text("ColdPathMaxMs", ms(coldPaths.max()));
        Sample overInit = Sample.of(rows.stream().filter(r -> r.coldPathMs() != null && r.mode().equals("cold"))
                .mapToDouble(r -> r.coldPathMs() - r.initMs()).toArray());
        m.text("ColdPathOverInitMedianMs", ms(overInit.median()));

        for (Mode mode : Mode.values()) {
            Optional<ModelError> e = s.modelErrors().stream().filter(x -> x.mode().equals(mode.label())).findFirst();
            m.text("Mape" + camel(mode), e.map(x -> fmt("%.1f", 100 * x.mape())).orElse("n/a"));
        }
        double worst = s.modelErrors().stream().mapToDouble(ModelError::mape).max().orElse(Double.NaN);
        m.text("MapeWorst", Double.isNaN(worst) ? "n/a" : fmt("%.1f", 100 * worst));

        Predicate<SummaryRow> covered = r -> r.modeValue().prewarms() && r.accumulatedMs() != null && r.coldPathMs() != null
                && r.accumulatedMs() >= r.coldPathMs() && r.normalisedSaving() != null;
        Sample coveredNorm = Sample.of(rows.stream().filter(covered).mapToDouble(SummaryRow::normalisedSaving).toArray());
        m.text("CoveredCells", Integer.toString(coveredNorm.n()));
        m.text("CoveredNormSavingMedian", coveredNorm.isEmpty() ? "n/a" : fmt("%.2f", coveredNorm.median()));
        m.text("CoveredNormSavingMin", coveredNorm.isEmpty() ? "n/a" : fmt("%.2f", coveredNorm.min()));
        Sample partialNorm = Sample.of(rows.stream().filter(covered.negate().and(r -> r.modeValue().prewarms()
                && r.normalisedSaving() != null)).mapToDouble(SummaryRow::normalisedSaving).toArray());
        m.text("PartialCells", Integer.toString(partialNorm.n()));
        m.text("PartialNormSavingMedian", partialNorm.isEmpty() ? "n/a" : fmt("%.2f", partialNorm.median()));

        Optional<SummaryRow> best = rows.stream().filter(r -> r.modeValue().prewarms() && r.speedUp() != null)
                .max(Comparator.comparingDouble(SummaryRow::speedUp));
        m.text("BestSpeedUp", best.map(r -> fmt("%.2f", r.speedUp())).orElse("n/a"));
        m.text("BestSpeedUpCI", best.filter(r -> r.speedUpLow() != null)
                .map(r -> fmt("[%.2f, %.2f]", r.speedUpLow(), r.speedUpHigh())).orElse("n/a"));
        m.text("BestSpeedUpWhere", best.map(r -> r.mode() + ", " + r.cell().label()).orElse("n/a"));
        Optional<SummaryRow> bestSaving = rows.stream().filter(r -> r.modeValue().prewarms() && r.savingMs() != null)
                .max(Comparator.comparingDouble(SummaryRow::savingMs));
        m.text("BestSavingMs", bestSaving.map(r -> ms(r.savingMs())).orElse("n/a"));
        m.text("BestSavingWhere", bestSaving.map(r -> r.mode() + ", " + r.cell().label()).orElse("n/a"));

        for (Protocol p : Protocol.values()) {
            for (Mode mode : List.of(Mode.SYN_PORT, Mode.SNI)) {
                Optional<BreakEven> be = s.breakEvens().stream()
                        .filter(b -> b.protocol() == p && b.mode().equals(mode.label()) && b.jitterMs() == 0 && b.lossPct() == 0)
                        .findFirst();
                String key = camel(p) + camel(mode);
                m.text("BreakEvenPred" + key, be.map(b -> ms(b.predictedMs())).orElse("n/a"));
                m.text("BreakEvenPredTol" + key, be.map(b -> ms(b.predictedWithinToleranceMs())).orElse("n/a"));
                m.text("BreakEvenObs" + key, be.map(b -> b.observedMs() == null ? "n/a (" + b.note() + ")" : ms(b.observedMs()))
                        .orElse("n/a"));
                m.text("BreakEvenInit" + key, be.map(b -> ms(b.initMs()) + " ms INIT_MS, I = " + ms(b.coldPathMs()) + " ms")
                        .orElse("n/a"));
            }
        }
        figureMacros(m, figures);
        return m.render("Generated by `synwarm reproduce` from " + provenance + ".\nDo not edit: every number here comes from the data.");
    }

    private static void figureMacros(TexMacros m, List<FigureOutcome> figures) {
        String[] names = {"fig1-e2e-vs-oneway", "fig2-normalised-saving", "fig3-speed-up", "fig4-waterfall", "fig5-cdf", "fig6-heatmap"};
        String[] macros = {"FigOne", "FigTwo", "FigThree", "FigFour", "FigFive", "FigSix"};
        for (int i = 0; i < names.length; i++) {
            String n = names[i];
            Optional<FigureOutcome> f = figures.stream().filter(o -> o.name().startsWith(n)).findFirst();
            if (f.isPresent() && f.get().isDrawn()) {
                m.raw(macros[i], "\\includegraphics[width=\\linewidth]{figures/" + f.get().name() + ".png}");
                m.text(macros[i] + "Note", f.get().note());
            } else {
                String why = f.map(FigureOutcome::skippedBecause).orElse("not produced");
                m.raw(macros[i], "\\fbox{\\parbox{0.9\\linewidth}{\\centering Not in this run: " + TexMacros.escape(why) + ".}}");
                m.text(macros[i] + "Note", "not available");
            }
        }
    }

    private static String camel(Mode mode) {
        return switch (mode) {
            case COLD -> "Cold";
            case SYN_PORT -> "SynPort";
            case SYN_OPTION -> "SynOption";
            case SNI -> "Sni";
            case WARM -> "Warm";
        };
    }

    private static String camel(Protocol p) {
        return switch (p) {
            case HTTP -> "Http";
            case TLS13 -> "TlsThirteen";
            case TLS12 -> "TlsTwelve";
        };
    }

    private static String list(List<Double> v) {
        return String.join(", ", v.stream().map(x -> x == Math.rint(x) ? Long.toString(x.longValue()) : fmt("%.1f", x)).toList());
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "n/a" : fmt("%.0f", v);
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
