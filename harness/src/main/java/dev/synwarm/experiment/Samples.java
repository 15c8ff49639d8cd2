package dev.synwarm.experiment;

import dev.synwarm.client.ClientResult;
import dev.synwarm.gateway.EdgeRecord;
import dev.synwarm.gateway.StartTimes;
import dev.synwarm.gateway.Trigger;
import dev.synwarm.gateway.Verdict;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.measure.TimelineRow.Status;
import dev.synwarm.scenario.Cell;
import dev.synwarm.sys.Durations;
import java.util.Locale;

/** Joins what the client measured and what the edge recorded for one request into its samples.csv row. */
final class Samples {
    static final String WARM_UP = "warm-up";

    private Samples() {}

    /**
     * @param repetition negative for warm-up repetitions (kept, status excluded, reason "warm-up")
     * @param edge null when the gateway has no record of the request (it never got a request head)
     */
    static TimelineRow row(String runId, Cell cell, int repetition, ClientResult c, EdgeRecord edge) {
        Verdict v;
        if (!c.ok()) {
            String edgeSaid = edge == null || edge.error().isEmpty() ? "" : "; edge: " + edge.error();
            v = new Verdict(Status.failed, "client: " + (c.error().isEmpty() ? "status " + c.status() : c.error()) + edgeSaid);
        } else if (edge == null) {
            v = new Verdict(Status.failed, "gateway has no record of the request");
        } else {
            v = Verdict.of(cell.mode(), edge);
        }
        if (repetition < 0 && v.status() != Status.failed) {
            v = new Verdict(Status.excluded, WARM_UP);
        }
        Trigger t = edge == null ? null : edge.startedBy();
        // The instance's start belongs to this request's timeline only when this connection (or this
        // request) started it; a warm instance's start happened long before and is not part of it.
        boolean ours = t != null && edge.connection().equals(t.connection());
        StartTimes s = ours ? edge.start() : null;
        return new TimelineRow(runId, cell.id(), repetition, cell.function(), Durations.millis(cell.init()),
                Durations.millis(cell.link().oneWay()), Durations.millis(cell.link().jitter()), cell.link().lossPercent(),
                cell.protocol().label(), cell.mode().label(), v.status(), v.reason(),
                c.connectStartNs(), c.connectDoneNs(), c.tlsDoneNs(), c.requestSentNs(), c.firstByteNs(), c.doneNs(),
                edge == null || edge.syn() == null ? null : edge.syn().hookNs(),
                ours ? t.handledNs() : null,
                s == null ? null : s.createIssuedNs(), s == null ? null : s.createReturnedNs(),
                s == null ? null : s.startIssuedNs(), s == null ? null : s.startReturnedNs(), s == null ? null : s.readyNs(),
                edge == null ? null : edge.requestAtGatewayNs(), edge == null ? null : edge.forwardedNs(),
                edge == null ? null : edge.responseAtGatewayNs(),
                edge == null ? null : edge.fnInitMs(),
                state(edge));
    }

    /** {@code found/started-by}: {@code none/request}, {@code starting/syn-port}, {@code ready/warm}. */
    static String state(EdgeRecord e) {
        if (e == null || e.found() == null) {
            return "";
        }
        String by = e.startedBy() == null ? "unknown" : e.startedBy().kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return e.found().label() + "/" + by;
    }
}
