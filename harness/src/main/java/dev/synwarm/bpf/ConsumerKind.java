package dev.synwarm.bpf;

/**
 * How events leave the ring buffer. All read the mmap'd ring in Java (no upcalls).
 * <ul>
 *   <li>BLOCKING sleeps in poll(2) at SCHED_FIFO until the kernel wakes it: ≈ 0 CPU, but each event pays
 *       the kernel's wake-up (irq_work, scheduler, on this VM ≈ 50–80 µs).</li>
 *   <li>SPIN is the low-latency consumer: SCHED_FIFO, re-reads the producer position (≈ 2 µs per event)
 *       in slices with a short blocking rest between them, and blocks like BLOCKING after a spin budget
 *       without events (see {@link RingConsumer}). An event that comes during a rest (≈ 1 in 10) or after
 *       the budget ran out pays BLOCKING's latency; so p50 ≈ 2 µs and p99 ≈ BLOCKING's ≈ 100 µs, also
 *       under CPU load (measured with {@code probe --latency --under-load}).</li>
 *   <li>For comparison only: SPIN_NICE10 and SPIN_NICE20 spin at SCHED_OTHER with that nice value, and
 *       SPIN_NOREST at SCHED_FIFO, all three without rests (CFS preempts the first two under load; the
 *       kernel's fair server stops the third for tens of ms).</li>
 * </ul>
 */
public enum ConsumerKind {
    BLOCKING,
    SPIN,
    SPIN_NICE10,
    SPIN_NICE20,
    SPIN_NOREST;

    boolean spins() {
        return this != BLOCKING;
    }

    boolean realTime() {
        return this == BLOCKING || this == SPIN || this == SPIN_NOREST;
    }

    /** Whether a spin gives the CPU up for a rest after each slice. */
    boolean rests() {
        return this == SPIN;
    }

    /** The name on the command line and in reports: {@code spin-nice10} for SPIN_NICE10. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The nice value of a SCHED_OTHER consumer. */
    int nice() {
        return this == SPIN_NICE20 ? -20 : -10;
    }
}
