package dev.synwarm.gateway;

import java.time.Duration;

/**
 * What a stream of SYNs may cost the edge. A SYN costs its sender nothing and a container start costs the
 * provider a lot, so every pre-warm is bounded three ways: the probe suppresses further SYNs for a
 * function within {@code cooldown} in the kernel; at most {@code maxStartsInFlight} pre-warm starts run
 * at once across all functions (more are refused and counted); and an instance a pre-warm started that
 * no request claims within {@code claimTimeout} of being ready is stopped and counted as wasted.
 */
public record PrewarmLimits(Duration cooldown, int maxStartsInFlight, Duration claimTimeout) {
    /**
     * For measuring: every SYN of the runner's own client must trigger (repetitions follow each other
     * within any useful cooldown), and a claim comes within one RTT; the other two bounds still hold.
     */
    public static final PrewarmLimits EXPERIMENT = new PrewarmLimits(Duration.ZERO, 4, Duration.ofSeconds(30));

    /** For an edge people (or anything in the client netns) can reach: {@code serve}. */
    public static final PrewarmLimits EXPOSED = new PrewarmLimits(Duration.ofSeconds(1), 2, Duration.ofSeconds(5));

    public PrewarmLimits {
        if (cooldown.isNegative() || maxStartsInFlight < 1 || claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new IllegalArgumentException("pre-warm limits need cooldown >= 0, at least one start in flight and a "
                    + "claim timeout > 0: " + cooldown + ", " + maxStartsInFlight + ", " + claimTimeout);
        }
    }
}
