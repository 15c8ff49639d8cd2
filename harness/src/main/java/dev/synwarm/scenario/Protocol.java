package dev.synwarm.scenario;

import dev.synwarm.sys.UsageException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The application protocol of the measured request, described by what the model needs: the round trips
 * the client spends before it can send the request. TCP's handshake is one; a full TLS 1.3 handshake adds
 * one (ClientHello → ServerHello…Finished), TLS 1.2 adds two.
 */
public enum Protocol {
    HTTP("http", null, 1),
    TLS13("tls13", "TLSv1.3", 2),
    TLS12("tls12", "TLSv1.2", 3);

    private final String label;
    private final String jdkName;
    private final int roundTripsBeforeRequest;

    Protocol(String label, String jdkName, int roundTripsBeforeRequest) {
        this.label = label;
        this.jdkName = jdkName;
        this.roundTripsBeforeRequest = roundTripsBeforeRequest;
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

    /** k: the client sends the request at 2kL after its SYN; it reaches the edge at (2k+1)L. */
    public int roundTripsBeforeRequest() {
        return roundTripsBeforeRequest;
    }

    public static Optional<Protocol> of(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
    }

    /** The protocol named {@code s} as written in samples.csv; a UsageException naming the value otherwise. */
    public static Protocol parse(String s) {
        return of(s).orElseThrow(() -> new UsageException("unknown protocol '" + s + "' (expected " + labels() + ")"));
    }

    public static String labels() {
        return Arrays.stream(values()).map(Protocol::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
