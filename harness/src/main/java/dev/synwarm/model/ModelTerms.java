package dev.synwarm.model;

/**
 * The measured terms of one cell that the model combines; every one is taken from the samples' own
 * timelines (never fitted to the end-to-end latency the model predicts), so a miss can be traced to
 * a term.
 *
 * @param oneWayMs L, the emulated one-way delay the cell asked for
 * @param coldPathMs I, the whole cold path: container create + start + the function's init until it
 *     answers (tReadyNs − tCreateIssuedNs), not just the function's INIT_MS
 * @param serviceMs S = E + G: from the moment the gateway holds both the request and a ready instance
 *     to the response leaving the gateway (execution plus gateway forwarding)
 * @param requestOverheadMs H: how much later than the nominal R = (2k+1)L the request reached the
 *     gateway (TLS crypto, client scheduling, the delay line's own error on 2k+1 one-way trips)
 * @param responseOverheadMs X: how much longer than L the response took from leaving the gateway to
 *     its last byte at the client (the return trip's emulation error, reading the response)
 */
public record ModelTerms(
        double oneWayMs, double coldPathMs, double serviceMs, double requestOverheadMs, double responseOverheadMs) {}
