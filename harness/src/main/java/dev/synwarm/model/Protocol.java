package dev.synwarm.model;

import dev.synwarm.sys.UsageException;

/**
 * How the client talks to the edge, described by what the model needs: the number of round trips the
 * client spends before it can send the request. TCP's handshake is one; a full TLS 1.3 handshake adds
 * one (ClientHello → ServerHello…Finished), TLS 1.2 adds two.
 */
public enum Protocol {
    http("http", 1),
    tls13("tls13", 2),
    tls12("tls12", 3);

    private final String label;
    private final int roundTripsBeforeRequest;

    Protocol(String label, int roundTripsBeforeRequest) {
        this.label = label;
        this.roundTripsBeforeRequest = roundTripsBeforeRequest;
    }

    public String label() {
        return label;
    }

    /** k: the client sends the request at 2kL after its SYN; it reaches the edge at (2k+1)L. */
    public int roundTripsBeforeRequest() {
        return roundTripsBeforeRequest;
    }

    public boolean tls() {
        return this != http;
    }

    /** The protocol named {@code s} as written in samples.csv; a UsageException naming the value otherwise. */
    public static Protocol parse(String s) {
        for (Protocol p : values()) {
            if (p.label.equals(s)) {
                return p;
            }
        }
        throw new UsageException("unknown protocol '" + s + "' (expected http, tls13 or tls12)");
    }
}
