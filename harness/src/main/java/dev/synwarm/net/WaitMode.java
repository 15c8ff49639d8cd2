package dev.synwarm.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a calibration endpoint waits for the network. {@code SPIN} sleeps in epoll until shortly before the
 * expected arrival (woken at once if data come earlier) and polls a non-blocking socket for the rest, as
 * the delay line's sender does: no wake-up on the measured path, and a short burst of CPU that a CFS time
 * slice rarely interrupts. {@code BUSY} polls for the whole wait (no wake-up either, but on a loaded
 * machine the scheduler takes the CPU away from a thread that used up its share). {@code BLOCK} sleeps in
 * the kernel until data arrive: one scheduler wake-up per wait, as an ordinary client or server pays.
 */
public enum WaitMode {
    SPIN,
    BUSY,
    BLOCK;

    /** Parses {@code spin|block} (any case); the message lists the accepted words. */
    public static WaitMode parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (WaitMode w : values()) {
            if (w.name().equals(t)) {
                return w;
            }
        }
        throw new IllegalArgumentException("wait '" + text + "' is not one of "
                + Arrays.stream(values()).map(WaitMode::cliName).collect(Collectors.joining(", ")));
    }

    /** Parses a comma-separated list such as {@code spin,block}: no repeats, not empty. */
    public static List<WaitMode> parseList(String text) {
        List<WaitMode> out = new ArrayList<>();
        for (String part : (text == null ? "" : text).split(",", -1)) {
            WaitMode w = parse(part);
            if (out.contains(w)) {
                throw new IllegalArgumentException("wait '" + w.cliName() + "' is given twice in '" + text + "'");
            }
            out.add(w);
        }
        return List.copyOf(out);
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
