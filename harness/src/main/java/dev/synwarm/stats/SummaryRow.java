package dev.synwarm.stats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;

/**
 * One line of {@code summary.csv} / one entry of {@code summary.json}: one mode in one cell. All times
 * in ms; a null is a value the data cannot give (too few samples for an interval, no cold samples to
 * compare with, no accumulated latency to normalise by). Intervals are at the summary's confidence level:
 * the median's from order statistics (Le Boudec), saving and speed-up from the seeded bootstrap.
 *
 * @param exclusionReasons why requests were not counted, e.g. {@code excluded: trigger never fired ×2};
 *     the counts are in {@code excluded} and {@code failed}
 * @param missedTriggers measured (not warm-up, not failed) requests of a mode that expects an early trigger
 *     whose instance was not started by their own trigger: the pre-warm path did not work for them
 * @param coldPathMs I of the cell (tReady − tCreateIssued), the cold start the handshake has to hide
 * @param accumulatedMs R − T of this mode on the nominal timeline (0 without an early trigger)
 * @param idealSavingMs min(I, R − T) (I for warm)
 * @param savingMs median(cold) − median(this mode)
 * @param normalisedSaving savingMs / idealSavingMs; 1 means the handshake hid all it could
 * @param speedUp median(cold) / median(this mode)
 * @param modelMs the model's end-to-end prediction; modelErrorMs = modelMs − medianMs
 */
@JsonPropertyOrder({
    "function", "initMs", "oneWayMs", "jitterMs", "lossPct", "protocol", "mode",
    "n", "excluded", "failed", "exclusionReasons", "missedTriggers",
    "medianMs", "medianLowMs", "medianHighMs", "meanMs", "p90Ms", "p99Ms", "minMs", "maxMs",
    "coldPathMs", "serviceMs", "requestOverheadMs", "responseOverheadMs", "triggerDelayMs", "accumulatedMs", "idealSavingMs",
    "savingMs", "savingLowMs", "savingHighMs", "normalisedSaving", "normalisedSavingLow", "normalisedSavingHigh",
    "speedUp", "speedUpLow", "speedUpHigh", "modelMs", "modelErrorMs", "modelRelativeError"
})
public record SummaryRow(
        String function,
        double initMs,
        double oneWayMs,
        double jitterMs,
        double lossPct,
        Protocol protocol,
        String mode,
        int n,
        int excluded,
        int failed,
        String exclusionReasons,
        int missedTriggers,
        Double medianMs,
        Double medianLowMs,
        Double medianHighMs,
        Double meanMs,
        Double p90Ms,
        Double p99Ms,
        Double minMs,
        Double maxMs,
        Double coldPathMs,
        Double serviceMs,
        Double requestOverheadMs,
        Double responseOverheadMs,
        Double triggerDelayMs,
        Double accumulatedMs,
        Double idealSavingMs,
        Double savingMs,
        Double savingLowMs,
        Double savingHighMs,
        Double normalisedSaving,
        Double normalisedSavingLow,
        Double normalisedSavingHigh,
        Double speedUp,
        Double speedUpLow,
        Double speedUpHigh,
        Double modelMs,
        Double modelErrorMs,
        Double modelRelativeError) {

    public SummaryRow {
        exclusionReasons = exclusionReasons == null ? "" : exclusionReasons;
    }

    @JsonIgnore
    public CellKey cell() {
        return new CellKey(function, initMs, oneWayMs, jitterMs, lossPct, protocol);
    }

    @JsonIgnore
    public Mode modeValue() {
        return Mode.parse(mode);
    }

    /** Accumulated latency over cold path: ≥ 1 means the handshake can hide the whole cold start. */
    @JsonIgnore
    public Double accumulatedOverColdPath() {
        return accumulatedMs == null || coldPathMs == null || coldPathMs <= 0 ? null : accumulatedMs / coldPathMs;
    }
}
