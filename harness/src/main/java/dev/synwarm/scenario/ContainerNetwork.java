package dev.synwarm.scenario;

import java.util.Arrays;
import java.util.Optional;

/** How function containers are networked: Docker bridge with a published port, or the host's stack. */
public enum ContainerNetwork {
    BRIDGE("bridge"),
    HOST("host");

    private final String label;

    ContainerNetwork(String label) {
        this.label = label;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    public static Optional<ContainerNetwork> of(String label) {
        return Arrays.stream(values()).filter(n -> n.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
