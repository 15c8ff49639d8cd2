package dev.synwarm.net;

import java.util.Optional;
import java.util.OptionalLong;

/** A running WAN emulation on a {@link Topology}'s path; closing it removes every trace of it. */
public interface LatencyEmulator extends AutoCloseable {
    /** {@code "netem"} or {@code "delayline"}. */
    String backend();

    /** The link it emulates. */
    LinkSpec link();

    /** The delay line's counters (frames, losses, kernel drops, lateness); empty for netem. */
    default Optional<DelayLineStats> lineStats() {
        return Optional.empty();
    }

    /** CPU time the emulator's own process has used so far, all threads; empty for netem (in the kernel). */
    default OptionalLong cpuTimeNs() {
        return OptionalLong.empty();
    }

    @Override
    void close();
}
