package dev.synwarm.model;

import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
import java.util.OptionalDouble;

/**
 * The nominal timeline of one request over a link of one-way delay L, every time measured from the
 * moment the client sends its SYN (t = 0):
 *
 * <pre>
 *   t = L          SYN reaches the edge hook        → trigger of syn-port / syn-option
 *   t = 2L         client holds the SYN-ACK; http sends the request now, TLS sends its ClientHello
 *   t = 3L         ClientHello reaches the edge    → trigger of sni (TLS only)
 *   t = (2k+1)L    request reaches the edge, k = round trips before the request
 *                  (http 1 → 3L, tls13 2 → 5L, tls12 3 → 7L)
 * </pre>
 *
 * The accumulated latency of a mode is what lies between its trigger and the request, R − T: the time
 * an instance can spend starting while the handshake is still in flight (2L, 4L, 6L for the SYN modes;
 * 2L, 4L for sni under tls13, tls12; nothing under http, where no ClientHello precedes the request).
 */
public final class Timeline {
    private Timeline() {}

    /** R: when the request reaches the edge. */
    public static double requestAtEdgeMs(Protocol p, double oneWayMs) {
        return (2 * p.roundTripsBeforeRequest() + 1) * oneWayMs;
    }

    /** T: when the edge learns which function the connection wants; empty when the mode never learns early. */
    public static OptionalDouble triggerAtEdgeMs(Protocol p, Mode m, double oneWayMs) {
        return switch (m) {
            case SYN_PORT, SYN_OPTION -> OptionalDouble.of(oneWayMs);
            case SNI -> p.tls() ? OptionalDouble.of(3 * oneWayMs) : OptionalDouble.empty();
            case COLD, WARM -> OptionalDouble.empty();
        };
    }

    /**
     * Round trips between the trigger and the request: k for the SYN modes, k − 1 for sni (its trigger
     * comes one round trip later), 0 when the mode has no early trigger.
     */
    public static int roundTripsAfterTrigger(Protocol p, Mode m) {
        return switch (m) {
            case SYN_PORT, SYN_OPTION -> p.roundTripsBeforeRequest();
            case SNI -> p.tls() ? p.roundTripsBeforeRequest() - 1 : 0;
            case COLD, WARM -> 0;
        };
    }

    /** R − T = 2 × (round trips after the trigger) × L; 0 for modes without an early trigger. */
    public static double accumulatedMs(Protocol p, Mode m, double oneWayMs) {
        return 2.0 * roundTripsAfterTrigger(p, m) * oneWayMs;
    }
}
