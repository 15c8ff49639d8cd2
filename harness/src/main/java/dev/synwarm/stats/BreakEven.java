package dev.synwarm.stats;

import dev.synwarm.scenario.Protocol;

/**
 * Where the handshake starts hiding the whole cold path, for one series of cells that differ only in
 * one-way delay. Predicted: L* = I / (2 × round trips after the trigger). Observed: the one-way delay at
 * which this mode's median comes within {@code toleranceMs} of warm's, linearly interpolated between the
 * measured delays; compare it with {@code predictedWithinToleranceMs} = (I − tolerance) / (2 × round trips),
 * the same criterion applied to the model.
 *
 * @param observedMs null when the series never came within the tolerance, or already was at its first
 *     delay (then {@code note} says which)
 */
public record BreakEven(
        String function,
        double initMs,
        double jitterMs,
        double lossPct,
        Protocol protocol,
        String mode,
        double coldPathMs,
        double predictedMs,
        double toleranceMs,
        double predictedWithinToleranceMs,
        Double observedMs,
        String note) {}
