package dev.synwarm.model;

/**
 * What the model predicts for one mode in one cell, in ms from the client's SYN.
 *
 * @param e2eMs end-to-end latency at the client (connect start → response)
 * @param requestAtEdgeMs R' = nominal R plus the measured handshake overhead
 * @param instanceReadyMs when an instance is ready at the edge (NaN for warm: it always is)
 * @param idealSavingMs min(I, R − T): the most this mode can save over cold (I for warm, 0 for cold)
 * @param accumulatedMs R − T from the nominal timeline (0 for modes without an early trigger)
 */
public record Prediction(
        double e2eMs, double requestAtEdgeMs, double instanceReadyMs, double idealSavingMs, double accumulatedMs) {}
