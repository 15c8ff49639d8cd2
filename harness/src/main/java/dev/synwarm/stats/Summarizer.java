package dev.synwarm.stats;

import dev.synwarm.measure.TimelineRow;
import dev.synwarm.model.LatencyModel;
import dev.synwarm.model.ModelTerms;
import dev.synwarm.model.Prediction;
import dev.synwarm.model.Timeline;
import dev.synwarm.scenario.Mode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * samples.csv rows → {@link RunSummary}: per cell and mode the counted sample's statistics, the saving and
 * speed-up against the same cell's cold requests, and the model's prediction from the cell's measured
 * terms. A row counts when its status is ok and its timeline is complete; everything else is reported
 * as excluded or failed with its reason, never mixed in.
 */
public final class Summarizer {
    private final SummaryOptions options;
    private final Bootstrap bootstrap;

    public Summarizer(SummaryOptions options) {
        this.options = options;
        this.bootstrap = new Bootstrap(options.bootstrapResamples(), options.bootstrapSeed());
    }

    public RunSummary summarize(List<TimelineRow> samples) {
        Map<CellKey, Map<Mode, List<TimelineRow>>> cells = new TreeMap<>();
        for (TimelineRow r : samples) {
            cells.computeIfAbsent(CellKey.of(r), c -> new EnumMap<>(Mode.class))
                    .computeIfAbsent(Mode.parse(r.mode()), m -> new ArrayList<>())
                    .add(r);
        }
        List<SummaryRow> rows = new ArrayList<>();
        cells.forEach((cell, byMode) -> rows.addAll(summarizeCell(cell, byMode)));
        String runId = samples.stream().map(TimelineRow::runId).distinct().collect(Collectors.joining("+"));
        return new RunSummary(RunSummary.SCHEMA, runId, options.confidence(), options.bootstrapResamples(),
                options.bootstrapSeed(), samples.size(), rows, modelErrors(rows), BreakEvenFinder.find(rows));
    }

    private List<SummaryRow> summarizeCell(CellKey cell, Map<Mode, List<TimelineRow>> byMode) {
        Map<Mode, List<TimelineRow>> counted = new EnumMap<>(Mode.class);
        byMode.forEach((m, rs) -> counted.put(m, rs.stream().filter(Summarizer::counts).toList()));
        List<TimelineRow> allCounted = counted.values().stream().flatMap(List::stream).toList();
        Optional<ModelTerms> terms = TermEstimator.terms(cell, allCounted);
        Sample cold = e2e(counted.getOrDefault(Mode.COLD, List.of()));
        List<SummaryRow> out = new ArrayList<>();
        for (Mode mode : byMode.keySet()) {
            out.add(row(cell, mode, byMode.get(mode), counted.get(mode), cold, terms));
        }
        return out;
    }

    private SummaryRow row(CellKey cell, Mode mode, List<TimelineRow> all, List<TimelineRow> counted, Sample cold,
            Optional<ModelTerms> terms) {
        Sample s = e2e(counted);
        double level = options.confidence();
        Optional<Interval> medianCi = MedianCi.of(s, level);
        Double coldPath = terms.map(ModelTerms::coldPathMs).orElse(null);
        double accumulated = Timeline.accumulatedMs(cell.protocol(), mode, cell.oneWayMs());
        Double ideal = coldPath == null ? null : LatencyModel.idealSavingMs(cell.protocol(), mode, cell.oneWayMs(), coldPath);
        boolean compare = mode != Mode.COLD && !cold.isEmpty() && !s.isEmpty();
        Double saving = compare ? cold.median() - s.median() : null;
        Optional<Interval> savingCi = compare
                ? bootstrap.interval(cold, s, Bootstrap.MEDIAN_DIFFERENCE, level, cell.stream(mode.label() + "/saving"))
                : Optional.empty();
        Double speedUp = compare ? cold.median() / s.median() : null;
        Optional<Interval> speedUpCi = compare
                ? bootstrap.interval(cold, s, Bootstrap.MEDIAN_RATIO, level, cell.stream(mode.label() + "/speed-up"))
                : Optional.empty();
        boolean normalise = saving != null && ideal != null && ideal > 0;
        Optional<Interval> normalisedCi = normalise ? savingCi.map(i -> i.scaled(1 / ideal)) : Optional.empty();
        OptionalDouble triggerDelay = TermEstimator.triggerDelayMs(cell, mode, counted);
        Double modelMs = null;
        boolean needsTrigger = Timeline.triggerAtEdgeMs(cell.protocol(), mode, cell.oneWayMs()).isPresent();
        if (terms.isPresent() && (triggerDelay.isPresent() || !needsTrigger)) { // no trigger seen: no prediction
            Prediction p = LatencyModel.predict(cell.protocol(), mode, ownColdPath(terms.get(), counted), triggerDelay.orElse(0));
            modelMs = p.e2eMs();
        }
        boolean scored = modelMs != null && !s.isEmpty();
        return new SummaryRow(cell.function(), cell.initMs(), cell.oneWayMs(), cell.jitterMs(), cell.lossPct(),
                cell.protocol(), mode.label(), s.n(), count(all, TimelineRow.Status.excluded) + incomplete(all),
                count(all, TimelineRow.Status.failed), reasons(all), needsTrigger ? missedTriggers(mode, all) : 0,
                orNull(s, s.median()), medianCi.map(Interval::low).orElse(null), medianCi.map(Interval::high).orElse(null),
                orNull(s, s.mean()), orNull(s, s.quantile(0.9)), orNull(s, s.quantile(0.99)), orNull(s, s.min()),
                orNull(s, s.max()),
                coldPath, terms.map(ModelTerms::serviceMs).orElse(null),
                terms.map(ModelTerms::requestOverheadMs).orElse(null), terms.map(ModelTerms::responseOverheadMs).orElse(null),
                triggerDelay.isPresent() ? triggerDelay.getAsDouble() : null,
                mode.prewarms() ? accumulated : null, ideal,
                saving, savingCi.map(Interval::low).orElse(null), savingCi.map(Interval::high).orElse(null),
                normalise ? saving / ideal : null, normalisedCi.map(Interval::low).orElse(null),
                normalisedCi.map(Interval::high).orElse(null),
                speedUp, speedUpCi.map(Interval::low).orElse(null), speedUpCi.map(Interval::high).orElse(null),
                scored ? modelMs : null, scored ? modelMs - s.median() : null,
                scored ? (modelMs - s.median()) / s.median() : null);
    }

    /**
     * The cell's terms with I as this mode's own requests measured it, when they started instances: a start
     * that overlaps the handshake shares two cores with the client, the gateway and the delay line, and runs
     * measurably longer (≈ 10–20 ms here) than the cold mode's start alone. The ideal saving still uses the
     * cold mode's I (what there is to hide); the prediction uses what this mode's timelines show.
     */
    private static ModelTerms ownColdPath(ModelTerms cell, List<TimelineRow> modeRows) {
        OptionalDouble own = TermEstimator.coldPathMs(modeRows);
        return own.isEmpty() ? cell
                : new ModelTerms(cell.oneWayMs(), own.getAsDouble(), cell.serviceMs(), cell.requestOverheadMs(),
                        cell.responseOverheadMs());
    }

    /**
     * Measured (not warm-up), not failed requests whose instance was not started by their mode's own trigger:
     * the row's instance state ({@code found/started-by}, e.g. {@code starting/syn-port}) names another starter,
     * typically {@code none/request} when the trigger never fired.
     */
    private static int missedTriggers(Mode mode, List<TimelineRow> rows) {
        return (int) rows.stream().filter(r -> r.repetition() >= 0 && r.status() != TimelineRow.Status.failed
                && !startedBy(r).equals(mode.label())).count();
    }

    private static String startedBy(TimelineRow r) {
        String s = r.instanceState() == null ? "" : r.instanceState();
        return s.substring(s.indexOf('/') + 1);
    }

    /** Counted: status ok and a complete client timeline (an ok row without one is reported as excluded). */
    public static boolean counts(TimelineRow r) {
        return r.status() == TimelineRow.Status.ok && Double.isFinite(r.e2eMs());
    }

    private static Sample e2e(List<TimelineRow> rows) {
        return Sample.of(rows.stream().mapToDouble(TimelineRow::e2eMs).toArray());
    }

    private static int count(List<TimelineRow> rows, TimelineRow.Status status) {
        return (int) rows.stream().filter(r -> r.status() == status).count();
    }

    private static int incomplete(List<TimelineRow> rows) {
        return (int) rows.stream().filter(r -> r.status() == TimelineRow.Status.ok && !counts(r)).count();
    }

    /** "excluded: found a warm instance ×2; failed: connect refused ×1", in a stable order. */
    private static String reasons(List<TimelineRow> rows) {
        Map<String, Long> byReason = new TreeMap<>();
        for (TimelineRow r : rows) {
            if (r.status() != TimelineRow.Status.ok) {
                byReason.merge(r.status() + ": " + (r.reason().isBlank() ? "no reason given" : r.reason()), 1L, Long::sum);
            } else if (!counts(r)) {
                byReason.merge("excluded: incomplete client timeline", 1L, Long::sum);
            }
        }
        return byReason.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static List<ModelError> modelErrors(List<SummaryRow> rows) {
        List<ModelError> out = new ArrayList<>();
        for (Mode m : Mode.values()) {
            double[] ape = rows.stream().filter(r -> r.mode().equals(m.label()) && r.modelRelativeError() != null)
                    .mapToDouble(r -> Math.abs(r.modelRelativeError())).toArray();
            if (ape.length > 0) {
                out.add(new ModelError(m.label(), ape.length, Sample.of(ape).mean(), Sample.of(ape).max()));
            }
        }
        return out;
    }

    private static Double orNull(Sample s, double v) {
        return s.isEmpty() ? null : v;
    }
}
