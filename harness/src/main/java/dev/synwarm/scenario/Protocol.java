package dev.synwarm.scenario;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The application protocol of the measured request; TLS versions differ in handshake round trips. */
public enum Protocol {
    HTTP("http", null),
    TLS12("tls12", "TLSv1.2"),
    TLS13("tls13", "TLSv1.3");

    private final String label;
    private final String jdkName;

    Protocol(String label, String jdkName) {
        this.label = label;
        this.jdkName = jdkName;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    public boolean tls() {
        return jdkName != null;
    }

    /** The JSSE protocol name ({@code TLSv1.3}); null for plain HTTP. */
    public String jdkName() {
        return jdkName;
    }

    public static Optional<Protocol> of(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
    }

    public static String labels() {
        return Arrays.stream(values()).map(Protocol::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
