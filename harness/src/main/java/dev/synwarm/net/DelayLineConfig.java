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
     * Measured on the 2-vCPU development VM with {@code calibrate --one-way 0}: the line adds ~0.06 ms per
     * direction between a frame's deadline and its arrival at the peer (send syscall, veth, peer's stack).
     */
    public static final Duration DEFAULT_COMPENSATION = Duration.ofNanos(60_000);

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
