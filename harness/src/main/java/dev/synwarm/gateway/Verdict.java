package dev.synwarm.gateway;

import dev.synwarm.measure.TimelineRow.Status;
import dev.synwarm.scenario.Mode;

/**
 * Whether a request's observed instance state matches its mode, so that a sample is never silently
 * mixed into the wrong distribution: a cold sample that found a warm instance, or a pre-warm sample
 * whose trigger never fired, is excluded with the reason.
 */
public record Verdict(Status status, String reason) {
    public static final Verdict OK = new Verdict(Status.ok, "");

    public static Verdict of(Mode mode, EdgeRecord r) {
        if (r.status() != 200 || !r.error().isEmpty()) {
            return new Verdict(Status.failed, "gateway: " + (r.error().isEmpty() ? "status " + r.status() : r.error()));
        }
        Trigger t = r.startedBy();
        boolean fromThisConnection = t != null && r.connection().equals(t.connection());
        return switch (mode) {
            case COLD -> r.found() == InstanceFound.NONE ? OK
                    : excluded("cold sample found an instance " + r.found().label() + " (started by " + kind(t) + ")");
            case WARM -> r.found() == InstanceFound.READY && t != null && t.kind() == TriggerKind.WARM ? OK
                    : excluded("warm sample found instance " + r.found().label() + " started by " + kind(t));
            case SYN_PORT, SYN_OPTION -> {
                TriggerKind want = mode == Mode.SYN_PORT ? TriggerKind.SYN_PORT : TriggerKind.SYN_OPTION;
                if (r.syn() == null) {
                    yield excluded("trigger never fired: no SYN event for connection " + r.connection());
                }
                if (r.requestAtGatewayNs() != null && r.syn().receivedNs() > r.requestAtGatewayNs()) {
                    yield excluded("trigger too late: the SYN event reached the gateway after the request");
                }
                yield t != null && t.kind() == want && fromThisConnection ? OK
                        : excluded("instance " + r.found().label() + " was started by " + kind(t) + ", not this connection's SYN");
            }
            case SNI -> {
                if (!r.tls()) { // plain HTTP: the name arrives with the request, which is the cold path
                    yield r.found() == InstanceFound.NONE ? OK
                            : excluded("http sni sample found an instance " + r.found().label());
                }
                if (r.clientHelloNs() == null) {
                    yield excluded("trigger never fired: no server name in the ClientHello");
                }
                yield t != null && t.kind() == TriggerKind.SNI && fromThisConnection ? OK
                        : excluded("instance " + r.found().label() + " was started by " + kind(t) + ", not this ClientHello");
            }
        };
    }

    private static Verdict excluded(String reason) {
        return new Verdict(Status.excluded, reason);
    }

    private static String kind(Trigger t) {
        return t == null ? "nothing" : t.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
