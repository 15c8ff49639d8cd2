package dev.synwarm.bpf;

/**
 * How events leave the ring buffer. Both read the mmap'd ring in Java (no upcalls). BLOCKING sleeps in
 * poll(2) until the kernel wakes it (≈ 0 CPU when idle, ~100s of µs per event); SPIN busy-polls the
 * producer position (≈ 1 µs per event, one core busy while the probe is open, unless bounded).
 */
public enum ConsumerKind {
    BLOCKING,
    SPIN
}
