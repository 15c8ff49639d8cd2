package dev.synwarm.net;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds (never runs) the commands that turn one device's egress into a netem link and back. Pure, so the
 * exact argv is unit-tested; {@link NetemEmulator} runs them.
 */
public final class NetemCommands {
    /** netem's default queue of 1000 packets would drop bursts the delay line (queue 100k) carries. */
    static final int QUEUE_LIMIT = 100_000;
    /**
     * netem with jitter releases each packet at its own deadline and so reorders; with a rate set it
     * computes each deadline from the previous packet's (sch_netem.c, netem_enqueue), i.e. it clamps like
     * the delay line. 100 Gbit/s adds 0.12 µs per 1500-byte frame.
     */
    static final String NO_REORDER_RATE = "100gbit";

    /** Which command-line front end builds the qdisc. */
    public enum Tool {
        /** iproute2's {@code tc}. */
        TC,
        /**
         * tcconfig's {@code tcset}/{@code tcdel}. It has no uniform jitter and no way to keep order: its delay
         * distribution is normal, so prefer {@link #TC} for comparable numbers.
         */
        TCCONFIG
    }

    private NetemCommands() {}

    /** The argv that sets {@code link} on the egress of {@code device}, replacing any root qdisc. */
    public static List<String> apply(Tool tool, String program, String device, LinkSpec link) {
        List<String> cmd = new ArrayList<>();
        switch (tool) {
            case TC -> {
                cmd.addAll(List.of(program, "qdisc", "replace", "dev", device, "root", "netem",
                        "limit", Integer.toString(QUEUE_LIMIT), "delay", micros(link.oneWay())));
                if (!link.jitter().isZero()) {
                    // no "distribution": netem's default without a table is uniform, like the delay line
                    cmd.addAll(List.of(micros(link.jitter()), "rate", NO_REORDER_RATE));
                }
                if (link.lossPercent() > 0) {
                    cmd.addAll(List.of("loss", "random", percent(link.lossPercent())));
                }
            }
            case TCCONFIG -> {
                cmd.addAll(List.of(program, device, "--direction", "outgoing", "--delay", micros(link.oneWay())));
                if (!link.jitter().isZero()) {
                    cmd.addAll(List.of("--delay-distro", micros(link.jitter())));
                }
                if (link.lossPercent() > 0) {
                    cmd.addAll(List.of("--loss", percent(link.lossPercent())));
                }
                cmd.add("--overwrite");
            }
        }
        return List.copyOf(cmd);
    }

    /** The argv that removes what {@link #apply} set on {@code device}. */
    public static List<String> remove(Tool tool, String program, String device) {
        return switch (tool) {
            case TC -> List.of(program, "qdisc", "del", "dev", device, "root");
            case TCCONFIG -> List.of(program, device, "--all");
        };
    }

    /** Microseconds keep sub-millisecond delays exact; both tc and tcconfig read "us". */
    static String micros(Duration d) {
        return plain(BigDecimal.valueOf(d.toNanos()).movePointLeft(3)) + "us";
    }

    static String percent(double p) {
        return plain(BigDecimal.valueOf(p)) + "%";
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
