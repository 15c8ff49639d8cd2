package dev.synwarm.net;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which backend emulates the WAN: netem when the kernel has it ({@code AUTO}), or a forced one. */
public enum EmulatorChoice {
    AUTO,
    NETEM,
    DELAYLINE;

    /** Parses {@code auto|netem|delayline} (any case); the message lists the accepted words. */
    public static EmulatorChoice parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (EmulatorChoice c : values()) {
            if (c.name().equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("emulator '" + text + "' is not one of "
                + Arrays.stream(values()).map(EmulatorChoice::cliName).collect(Collectors.joining(", ")));
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
