package dev.synwarm.net;

import java.time.Duration;

/**
 * How one delay line runs: frames from {@code sideA} leave on {@code sideB} after the link's one-way delay
 * and vice versa.
 *
 * @param compensation subtracted from every frame's delay for the line's own processing between its
 *     deadline and the frame reaching the peer interface (measured with {@code calibrate}; see
 *     {@link #DEFAULT_COMPENSATION})
 * @param spin how long before a deadline the sender stops parking and spins; hides the timer wake-up
 *     overshoot of a parked thread (~70–120 µs on this kind of VM)
 * @param queueLimit frames held per direction before new ones are dropped (netem's own default is 1000;
 *     a line of 100 ms at 1 Gbit/s holds ~8000 full frames)
 */
public record DelayLineConfig(
        String sideA, String sideB, LinkSpec link, Duration compensation, Duration spin, int queueLimit, long seed) {
    /**
     * The line's own share of a frame's trip, subtracted from its delay. Measured on the 2-vCPU development
     * VM (calibrate, 200 pings, one-way 1 ms and 4 ms): without compensation ping's median RTT through the
     * line was 2×one-way + 0.06 ms, while through a plain tc wire (no line) it was 0.03 ms; the
     * 30 µs per direction therefore covers the line (~15 µs: wake-up to send, the extra veth hop) and the
     * kernel's own path (~15 µs), so a kernel-level round trip reads 2×one-way. Application wake-ups
     * (connect, request/response) are not compensated: they are the host's, and calibrate reports them.
     */
    public static final Duration DEFAULT_COMPENSATION = Duration.ofNanos(30_000);

    public static final Duration DEFAULT_SPIN = Duration.ofNanos(200_000);
    public static final int DEFAULT_QUEUE_LIMIT = 100_000;

    public DelayLineConfig {
        if (compensation.isNegative() || spin.isNegative() || queueLimit < 1) {
            throw new IllegalArgumentException("compensation and spin must be >= 0, queue limit >= 1");
        }
    }

    public static DelayLineConfig of(String sideA, String sideB, LinkSpec link) {
        return new DelayLineConfig(sideA, sideB, link, DEFAULT_COMPENSATION, DEFAULT_SPIN, DEFAULT_QUEUE_LIMIT, 1);
    }

    /** The delay each frame waits in the line, before jitter: one-way minus compensation, never negative. */
    Duration lineDelay() {
        Duration d = link.oneWay().minus(compensation);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
