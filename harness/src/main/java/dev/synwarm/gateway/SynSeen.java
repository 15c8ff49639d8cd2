package dev.synwarm.gateway;

import java.net.InetAddress;

/**
 * A SYN the edge probe reported (adapted from the bpf package's event).
 *
 * @param hookNs bpf_ktime_get_ns() at the XDP/TC hook (CLOCK_MONOTONIC)
 * @param receivedNs when user space read the event
 */
public record SynSeen(int fnId, TriggerKind kind, InetAddress source, int sourcePort, int destinationPort,
        long hookNs, long receivedNs) {
    public SynSeen {
        if (kind != TriggerKind.SYN_PORT && kind != TriggerKind.SYN_OPTION) {
            throw new IllegalArgumentException("a SYN triggers SYN_PORT or SYN_OPTION, not " + kind);
        }
    }

    /** The connection key the gateway matches requests by. */
    public String connection() {
        return Connections.key(source, sourcePort);
    }
}
