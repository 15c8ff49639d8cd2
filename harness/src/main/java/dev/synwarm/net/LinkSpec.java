package dev.synwarm.net;

import dev.synwarm.sys.Durations;
import java.time.Duration;

/**
 * One emulated WAN link, the same in both directions: a one-way delay, a uniform jitter of ±{@code jitter}
 * around it (never reordering packets) and a random loss share per direction, in percent.
 */
public record LinkSpec(Duration oneWay, Duration jitter, double lossPercent) {
    /** Longer one-way delays are typing mistakes, not WANs (a GEO satellite hop is ~300 ms). */
    public static final Duration MAX_ONE_WAY = Duration.ofSeconds(10);

    public LinkSpec {
        if (oneWay == null || jitter == null) {
            throw new IllegalArgumentException("one-way delay and jitter are required");
        }
        if (oneWay.isNegative()) {
            throw new IllegalArgumentException("one-way delay " + Durations.format(oneWay) + " is negative");
        }
        if (oneWay.compareTo(MAX_ONE_WAY) > 0) {
            throw new IllegalArgumentException("one-way delay " + Durations.format(oneWay) + " is more than "
                    + Durations.format(MAX_ONE_WAY));
        }
        if (jitter.isNegative()) {
            throw new IllegalArgumentException("jitter " + Durations.format(jitter) + " is negative");
        }
        // uniform ±jitter around the delay must not reach below zero, or the distribution is no longer uniform
        if (jitter.compareTo(oneWay) > 0) {
            throw new IllegalArgumentException("jitter " + Durations.format(jitter)
                    + " is larger than the one-way delay " + Durations.format(oneWay));
        }
        if (!(lossPercent >= 0 && lossPercent <= 100)) {
            throw new IllegalArgumentException("loss " + lossPercent + "% is not between 0 and 100");
        }
    }

    /** A link with delay only. */
    public static LinkSpec of(Duration oneWay) {
        return new LinkSpec(oneWay, Duration.ZERO, 0);
    }

    /** The round trip a packet and its answer should see: twice the one-way delay. */
    public Duration expectedRtt() {
        return oneWay.multipliedBy(2);
    }

    @Override
    public String toString() {
        return "one-way " + Durations.format(oneWay) + " ±" + Durations.format(jitter) + " loss " + lossPercent + "%";
    }
}
