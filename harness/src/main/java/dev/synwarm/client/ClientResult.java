package dev.synwarm.client;

/**
 * What the client measured for one {@link ClientJob} (one JSON line on its stdout). Times are
 * {@code System.nanoTime()} in the client process: CLOCK_MONOTONIC, the harness's clock too. A time is
 * null when the request failed before that point.
 *
 * @param localPort the client's source port, so the edge's SYN event can be matched
 * @param error "" when the request completed
 */
public record ClientResult(String id, int status, int localPort, String tlsProtocol, Long connectStartNs,
        Long connectDoneNs, Long tlsDoneNs, Long requestSentNs, Long firstByteNs, Long doneNs, long bytes,
        String error) {
    public static final String READY = "ready";

    public boolean ok() {
        return error.isEmpty() && status == 200;
    }
}
