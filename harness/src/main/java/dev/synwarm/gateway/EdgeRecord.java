package dev.synwarm.gateway;

import dev.synwarm.scenario.Mode;

/**
 * What the edge saw of one request, CLOCK_MONOTONIC ns; nulls are points the request did not pass.
 *
 * @param requestId the client's request id header (null when it sent none)
 * @param syn the probe's event for this connection's SYN, null when none was seen
 * @param clientHelloNs when the ClientHello's server name was read (TLS with SNI only)
 * @param found the instance state the request found
 * @param startedBy the trigger that began the instance that served the request
 * @param start the start timeline of that instance
 * @param status HTTP status returned to the client (502/404 from the gateway itself on errors)
 * @param error why the gateway failed the request, "" when it did not
 */
public record EdgeRecord(
        String requestId,
        String function,
        String connection,
        ListenerRole role,
        boolean tls,
        Mode mode,
        long acceptedNs,
        Long tlsDoneNs,
        Long clientHelloNs,
        Long requestAtGatewayNs,
        Long forwardedNs,
        Long responseAtGatewayNs,
        Long responseDoneNs,
        SynSeen syn,
        InstanceFound found,
        Trigger startedBy,
        StartTimes start,
        Double fnInitMs,
        int status,
        String error) {

    /** The gateway's own time for the request: head read → forwarded, plus first byte → relayed. */
    public double forwardingOverheadMs() {
        if (requestAtGatewayNs == null || forwardedNs == null) {
            return Double.NaN;
        }
        return (forwardedNs - requestAtGatewayNs) / 1e6;
    }
}
