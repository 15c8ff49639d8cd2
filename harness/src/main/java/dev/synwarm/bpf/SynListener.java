package dev.synwarm.bpf;

/** Receives the probe's events on its consumer thread: return quickly, hand heavy work elsewhere. */
@FunctionalInterface
public interface SynListener {
    void onSyn(SynEvent e);
}
