package dev.synwarm.model;

import dev.synwarm.sys.UsageException;

/**
 * How (and whether) the edge learns about a request before it arrives. The SYN modes learn at the
 * client's first SYN, {@code sni} at the TLS ClientHello, {@code cold} only when the request arrives,
 * and {@code warm} never needs to (an instance is ready before the client connects).
 */
public enum Mode {
    cold("cold"),
    synPort("syn-port"),
    synOption("syn-option"),
    sni("sni"),
    warm("warm");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A mode that starts the instance early on a trigger (the ones whose saving the study is about). */
    public boolean prewarms() {
        return this == synPort || this == synOption || this == sni;
    }

    public static Mode parse(String s) {
        for (Mode m : values()) {
            if (m.label.equals(s)) {
                return m;
            }
        }
        throw new UsageException("unknown mode '" + s + "' (expected cold, syn-port, syn-option, sni or warm)");
    }

    @Override
    public String toString() {
        return label;
    }
}
