package dev.synwarm.sys;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them: {@code 20ms}, {@code 1.5s}, {@code 250us}, {@code 0}. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m)?");

    private Durations() {}

    /**
     * Parses {@code text}; a bare number needs no unit only when it is 0.
     *
     * @throws IllegalArgumentException with a message that says what was expected
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (like 20ms, 1.5s, 250us)");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            if (value != 0) {
                throw new IllegalArgumentException("'" + text + "' needs a unit (ns, us, ms, s, m)");
            }
            return Duration.ZERO;
        }
        double nanosPerUnit = switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> throw new IllegalStateException(unit);
        };
        double nanos = value * nanosPerUnit;
        if (nanos > 3600e9) {
            throw new IllegalArgumentException("'" + text + "' is longer than an hour");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /** Milliseconds as a double, the unit every table and CSV of synwarm uses. */
    public static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    /** Compact form for messages: {@code 20ms}, {@code 1.5s}, {@code 250us}. */
    public static String format(Duration d) {
        long ns = d.toNanos();
        if (ns == 0) {
            return "0ms";
        }
        if (ns % 1_000_000_000L == 0) {
            return ns / 1_000_000_000L + "s";
        }
        if (ns % 1_000_000L == 0) {
            return ns / 1_000_000L + "ms";
        }
        if (ns % 1_000L == 0) {
            return ns / 1_000L + "us";
        }
        return ns + "ns";
    }
}
