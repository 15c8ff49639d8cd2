package dev.synwarm.scenario;

import dev.synwarm.sys.UsageException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How (and whether) the edge learns which function a request wants before the request arrives: the
 * compared variants of one request. The SYN modes learn at the client's first SYN, {@code sni} at the TLS
 * ClientHello, {@code cold} only when the request arrives, and {@code warm} never needs to.
 */
public enum Mode {
    /** No pre-warm: the request itself starts the instance. */
    COLD("cold"),
    /** The SYN's destination port names the function (XDP/TC probe). */
    SYN_PORT("syn-port"),
    /** A TCP option the client's sock_ops program writes into the SYN names the function. */
    SYN_OPTION("syn-option"),
    /** The TLS ClientHello's server name names the function (Cloudflare-style); under http, the Host header. */
    SNI("sni"),
    /** An instance is started and ready before the client connects: the limit pre-warm approaches. */
    WARM("warm");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    /** The name used in scenarios, CSV rows and tables. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    /** True for the modes whose trigger is the SYN seen by the probe. */
    public boolean synTriggered() {
        return this == SYN_PORT || this == SYN_OPTION;
    }

    /** A mode that starts the instance early on a trigger (the ones whose saving the study is about). */
    public boolean prewarms() {
        return synTriggered() || this == SNI;
    }

    public static Optional<Mode> of(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
    }

    /** The mode named {@code s} as written in samples.csv; a UsageException naming the value otherwise. */
    public static Mode parse(String s) {
        return of(s).orElseThrow(() -> new UsageException("unknown mode '" + s + "' (expected " + labels() + ")"));
    }

    public static String labels() {
        return Arrays.stream(values()).map(Mode::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
