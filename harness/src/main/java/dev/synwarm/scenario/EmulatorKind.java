package dev.synwarm.scenario;

import java.util.Arrays;
import java.util.Optional;

/** Which WAN emulator a scenario asks for; {@code auto} takes netem where the kernel has it. */
public enum EmulatorKind {
    AUTO("auto"),
    NETEM("netem"),
    DELAYLINE("delayline");

    private final String label;

    EmulatorKind(String label) {
        this.label = label;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    public static Optional<EmulatorKind> of(String label) {
        return Arrays.stream(values()).filter(n -> n.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
