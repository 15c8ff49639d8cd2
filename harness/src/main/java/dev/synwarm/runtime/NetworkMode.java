package dev.synwarm.runtime;

import dev.synwarm.sys.UsageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a function container is networked. {@code BRIDGE} publishes the function on 127.0.0.1 through
 * docker-proxy (Docker's default; its set-up adds roughly 150 ms to a cold start here); {@code HOST} shares
 * the host's network namespace, so each instance listens on its own loopback port.
 */
public enum NetworkMode {
    BRIDGE,
    HOST;

    /** The lower-case form users write: {@code bridge}, {@code host}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code bridge} or {@code host} (any case); otherwise a one-line {@link UsageException}. */
    public static NetworkMode parse(String text) {
        for (NetworkMode m : values()) {
            if (m.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return m;
            }
        }
        throw new UsageException("network mode '" + text + "' is not one of "
                + Arrays.stream(values()).map(NetworkMode::label).collect(Collectors.joining(", ")));
    }
}
