package dev.synwarm.bpf;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/** The {@code stats} array map, mmap'd read-only: counters are read without a syscall. */
final class StatsCounters implements AutoCloseable {
    private static final VarHandle COUNTER = JAVA_LONG.varHandle();
    private final MemorySegment mapped;

    StatsCounters(BpfMap stats) {
        long bytes = (stats.maxEntries() * 8L + Libc.PAGE_SIZE - 1) & -Libc.PAGE_SIZE;
        mapped = Libc.mmap(stats.fd(), bytes, Libc.PROT_READ, 0, "map " + stats.name());
    }

    long get(int index) {
        return (long) COUNTER.getAcquire(mapped, index * 8L);
    }

    ProbeStats snapshot() {
        return new ProbeStats(get(PrewarmLayout.STAT_TOTAL), get(PrewarmLayout.STAT_NOT_IP),
                get(PrewarmLayout.STAT_MALFORMED), get(PrewarmLayout.STAT_FRAGMENT), get(PrewarmLayout.STAT_NOT_TCP),
                get(PrewarmLayout.STAT_NOT_SYN), get(PrewarmLayout.STAT_UNKNOWN_FN),
                get(PrewarmLayout.STAT_EVENT_PORT), get(PrewarmLayout.STAT_EVENT_OPTION),
                get(PrewarmLayout.STAT_SUPPRESSED), get(PrewarmLayout.STAT_RINGBUF_FULL));
    }

    @Override
    public void close() {
        Libc.munmap(mapped);
    }
}
