package dev.synwarm.stats;

/** Knobs of a summary; the defaults are what {@code report} and {@code regress} use. */
public record SummaryOptions(double confidence, int bootstrapResamples, long bootstrapSeed) {
    public static final SummaryOptions DEFAULT = new SummaryOptions(0.95, Bootstrap.DEFAULT_RESAMPLES, 20260101L);

    public SummaryOptions {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence);
        }
    }
}
