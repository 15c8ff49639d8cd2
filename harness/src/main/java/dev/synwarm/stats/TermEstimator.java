package dev.synwarm.stats;

import dev.synwarm.measure.TimelineRow;
import dev.synwarm.model.ModelTerms;
import dev.synwarm.model.Timeline;
import dev.synwarm.scenario.Mode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * Reads the model's terms off the samples' timelines (medians over the cell's counted requests), never
 * off the end-to-end latency the model is then compared with.
 */
public final class TermEstimator {
    private TermEstimator() {}

    /**
     * The cell's terms; empty when the cold path could not be measured (no request in the cell went
     * through a container start with both timestamps). {@code rows} are the cell's counted rows, all modes.
     */
    public static Optional<ModelTerms> terms(CellKey cell, List<TimelineRow> rows) {
        OptionalDouble coldPath = coldPathMs(rows);
        if (coldPath.isEmpty()) {
            return Optional.empty();
        }
        double service = median(rows, TermEstimator::serviceMs).orElse(0);
        double nominalRequest = Timeline.requestAtEdgeMs(cell.protocol(), cell.oneWayMs());
        double request = median(rows, r -> TimelineRow.between(r.tConnectStartNs(), r.tRequestAtGatewayNs()) - nominalRequest)
                .orElse(0);
        double response = median(rows, r -> TimelineRow.between(r.tResponseAtGatewayNs(), r.tDoneNs()) - cell.oneWayMs())
                .orElse(0);
        return Optional.of(new ModelTerms(cell.oneWayMs(), coldPath.getAsDouble(), service, request, response));
    }

    /**
     * I: tReadyNs − tCreateIssuedNs, from the cold requests when there are any (the start then runs
     * alone, as in production), else from every request that started an instance.
     */
    public static OptionalDouble coldPathMs(List<TimelineRow> rows) {
        ToDoubleFunction<TimelineRow> path = r -> TimelineRow.between(r.tCreateIssuedNs(), r.tReadyNs());
        OptionalDouble fromCold = median(rows.stream().filter(r -> Mode.COLD.label().equals(r.mode())).toList(), path);
        return fromCold.isPresent() ? fromCold : median(rows, path);
    }

    /**
     * D for one mode: how much later than its nominal time (L for the SYN modes, 3L for sni) the trigger
     * reached the gateway, measured from the client's connect start; empty when no trigger was recorded.
     */
    public static OptionalDouble triggerDelayMs(CellKey cell, Mode mode, List<TimelineRow> modeRows) {
        OptionalDouble nominal = Timeline.triggerAtEdgeMs(cell.protocol(), mode, cell.oneWayMs());
        if (nominal.isEmpty()) {
            return OptionalDouble.empty();
        }
        double t = nominal.getAsDouble();
        return median(modeRows, r -> TimelineRow.between(r.tConnectStartNs(), r.tTriggerNs()) - t);
    }

    /** From the gateway holding both the request and a ready instance to the response leaving it. */
    static double serviceMs(TimelineRow r) {
        if (r.tRequestAtGatewayNs() == null || r.tResponseAtGatewayNs() == null) {
            return Double.NaN;
        }
        long from = r.tReadyNs() == null ? r.tRequestAtGatewayNs() : Math.max(r.tRequestAtGatewayNs(), r.tReadyNs());
        return (r.tResponseAtGatewayNs() - from) / 1e6;
    }

    private static OptionalDouble median(List<TimelineRow> rows, ToDoubleFunction<TimelineRow> f) {
        Sample s = Sample.of(rows.stream().mapToDouble(f).toArray());
        return s.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(s.median());
    }

}
