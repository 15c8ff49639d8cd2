package dev.synwarm.measure;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One request of one repetition of one scenario cell: the row of {@code samples.csv}. Every {@code t*Ns}
 * is CLOCK_MONOTONIC in nanoseconds on this host ({@code System.nanoTime()} in the harness and in the
 * client process, {@code bpf_ktime_get_ns()} in the probe), so any two can be subtracted; a null is a
 * point this request did not pass (no SYN event in cold mode, no TLS under http, …).
 *
 * <p>Cell parameters are repeated on every row so that {@code report} needs nothing but this file.
 */
@JsonPropertyOrder({
    "runId", "cellId", "repetition", "function", "initMs", "oneWayMs", "jitterMs", "lossPct", "protocol", "mode",
    "status", "reason",
    "tConnectStartNs", "tConnectDoneNs", "tTlsDoneNs", "tRequestSentNs", "tFirstByteNs", "tDoneNs",
    "tSynHookNs", "tTriggerNs", "tCreateIssuedNs", "tCreateReturnedNs", "tStartIssuedNs", "tStartReturnedNs",
    "tReadyNs", "tRequestAtGatewayNs", "tForwardedNs", "tResponseAtGatewayNs",
    "fnInitMs", "instanceState"
})
public record TimelineRow(
        String runId,
        String cellId,
        int repetition,
        String function,
        double initMs,
        double oneWayMs,
        double jitterMs,
        double lossPct,
        String protocol,
        String mode,
        Status status,
        String reason,
        // client process
        Long tConnectStartNs,
        Long tConnectDoneNs,
        Long tTlsDoneNs,
        Long tRequestSentNs,
        Long tFirstByteNs,
        Long tDoneNs,
        // edge: probe, trigger, runtime, gateway
        Long tSynHookNs,
        Long tTriggerNs,
        Long tCreateIssuedNs,
        Long tCreateReturnedNs,
        Long tStartIssuedNs,
        Long tStartReturnedNs,
        Long tReadyNs,
        Long tRequestAtGatewayNs,
        Long tForwardedNs,
        Long tResponseAtGatewayNs,
        // what the function reported about its own init (header), and the instance state the request found
        Double fnInitMs,
        String instanceState) {

    public TimelineRow {
        reason = reason == null ? "" : reason; // CSV cannot tell "" from absent; "" means "no reason"
    }

    /** The same row with another reason (a failure explained by what happened around the request). */
    public TimelineRow withReason(String why) {
        return new TimelineRow(runId, cellId, repetition, function, initMs, oneWayMs, jitterMs, lossPct, protocol, mode,
                status, why, tConnectStartNs, tConnectDoneNs, tTlsDoneNs, tRequestSentNs, tFirstByteNs, tDoneNs,
                tSynHookNs, tTriggerNs, tCreateIssuedNs, tCreateReturnedNs, tStartIssuedNs, tStartReturnedNs, tReadyNs,
                tRequestAtGatewayNs, tForwardedNs, tResponseAtGatewayNs, fnInitMs, instanceState);
    }

    /** ok: counted; excluded: the observed state did not match the mode (reason says how); failed: error. */
    public enum Status {
        ok,
        excluded,
        failed
    }

    /** End-to-end latency seen by the client: connect start → last byte, in ms; NaN when incomplete. */
    public double e2eMs() {
        return between(tConnectStartNs, tDoneNs);
    }

    /** Client time to first byte of the response, from connect start, in ms. */
    public double ttfbMs() {
        return between(tConnectStartNs, tFirstByteNs);
    }

    public double connectMs() {
        return between(tConnectStartNs, tConnectDoneNs);
    }

    /** Milliseconds from {@code a} to {@code b}, NaN when either is missing. */
    public static double between(Long a, Long b) {
        return a == null || b == null ? Double.NaN : (b - a) / 1e6;
    }
}
