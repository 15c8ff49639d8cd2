package dev.synwarm.scenario;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The emulated WAN between client and edge, per direction: one-way delay, jitter (uniform ±, clamped to
 * keep packet order) and loss.
 */
public record Link(Duration oneWay, Duration jitter, double lossPercent) {
    /** Named links a scenario may use instead of numbers; one-way delays, no jitter, no loss. */
    public static final Map<String, Link> PROFILES = Map.of(
            "loopback", ofOneWay(Duration.ZERO),
            "lan", ofOneWay(Duration.ofMillis(1)),
            "metro", ofOneWay(Duration.ofMillis(5)),
            "regional", ofOneWay(Duration.ofMillis(20)),
            "continental", ofOneWay(Duration.ofMillis(50)),
            "intercontinental", ofOneWay(Duration.ofMillis(100)));

    public Link {
        Objects.requireNonNull(oneWay);
        Objects.requireNonNull(jitter);
    }

    public static Link ofOneWay(Duration oneWay) {
        return new Link(oneWay, Duration.ZERO, 0);
    }

    public Duration rtt() {
        return oneWay.multipliedBy(2);
    }
}
