package dev.synwarm.bpf;

import java.net.InetAddress;

/**
 * One SYN that named a function. {@code ktimeNs} is when the SYN reached the hook and {@code receivedNs}
 * when Java read the event; both are CLOCK_MONOTONIC ({@code System.nanoTime()}), so they subtract.
 *
 * @param suppressed SYNs of this function the cooldown swallowed since its previous event
 */
public record SynEvent(int fnId, TriggerSource source, InetAddress saddr, int sport, int dport,
                       long ktimeNs, long receivedNs, AttachMode hook, long suppressed) {

    /** For events built outside the probe (tests, replays): XDP hook, nothing suppressed. */
    public SynEvent(int fnId, TriggerSource source, InetAddress saddr, int sport, int dport,
                    long ktimeNs, long receivedNs) {
        this(fnId, source, saddr, sport, dport, ktimeNs, receivedNs, AttachMode.XDP, 0);
    }

    /** Hook → Java delivery delay in nanoseconds. */
    public long deliveryNs() {
        return receivedNs - ktimeNs;
    }
}
