package dev.synwarm.experiment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of {@code summary.csv}: a cell's counted samples and their median end-to-end latency; the
 * statistics package computes intervals and tests from samples.csv, this is the run's quick look.
 */
@JsonPropertyOrder({"cellId", "function", "initMs", "oneWayMs", "jitterMs", "lossPct", "protocol", "mode", "ok",
    "excluded", "failed", "medianE2eMs", "p25E2eMs", "p75E2eMs", "medianConnectMs"})
public record CellSummary(String cellId, String function, double initMs, double oneWayMs, double jitterMs,
        double lossPct, String protocol, String mode, int ok, int excluded, int failed, double medianE2eMs,
        double p25E2eMs, double p75E2eMs, double medianConnectMs) {}
