package dev.synwarm.bpf;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * A BPF ring buffer read in Java through its mmap, as libbpf's ringbuf.c does: page 0 holds the consumer
 * position (ours, read-write), page 1 the producer position, then the data area mapped twice so a record
 * that wraps is contiguous. Each record has an 8-byte header whose length word carries BUSY (not yet
 * committed) and DISCARD bits; positions are read with acquire and the consumer position published with
 * release, matching the kernel's smp_store_release/smp_load_acquire.
 */
final class RingBuffer implements AutoCloseable {
    static final int BUSY = 1 << 31;
    static final int DISCARD = 1 << 30;
    static final int HEADER = 8;
    private static final VarHandle LONG = JAVA_LONG.varHandle();
    private static final VarHandle INT = JAVA_INT.varHandle();

    /** Receives one committed record: {@code length} bytes at {@code offset} of {@code data}. */
    interface RecordHandler {
        void onRecord(MemorySegment data, long offset, int length);
    }

    private final MemorySegment consumer;
    private final MemorySegment producer;
    private final long dataStart;
    private final long mask;
    private final boolean mapped;

    /** Over arbitrary memory laid out like the kernel's mapping (tests, JIT warm-up). */
    RingBuffer(MemorySegment consumerPage, MemorySegment producerPageAndData, long dataStart, long size) {
        if (Long.bitCount(size) != 1) {
            throw new IllegalArgumentException("ring size must be a power of two: " + size);
        }
        this.consumer = consumerPage;
        this.producer = producerPageAndData;
        this.dataStart = dataStart;
        this.mask = size - 1;
        this.mapped = false;
    }

    /** Maps the ring buffer map {@code map}. */
    RingBuffer(BpfMap map) {
        long size = Integer.toUnsignedLong(map.maxEntries());
        this.consumer = Libc.mmap(map.fd(), Libc.PAGE_SIZE, Libc.PROT_READ | Libc.PROT_WRITE, 0, "ring " + map.name());
        this.producer = Libc.mmap(map.fd(), Libc.PAGE_SIZE + 2 * size, Libc.PROT_READ, Libc.PAGE_SIZE, "ring " + map.name());
        this.dataStart = Libc.PAGE_SIZE;
        this.mask = size - 1;
        this.mapped = true;
    }

    boolean hasData() {
        return (long) LONG.getAcquire(consumer, 0L) < (long) LONG.getAcquire(producer, 0L);
    }

    /** Hands every committed record to {@code handler} and frees it; returns how many were handed over. */
    int drain(RecordHandler handler) {
        int n = 0;
        long cons = (long) LONG.getAcquire(consumer, 0L);
        boolean progressed;
        do {
            progressed = false;
            long prod = (long) LONG.getAcquire(producer, 0L);
            while (cons < prod) {
                long at = dataStart + (cons & mask);
                int len = (int) INT.getAcquire(producer, at);
                if ((len & BUSY) != 0) {
                    return n; // reserved but not yet submitted: try again later
                }
                int bytes = len & ~(BUSY | DISCARD);
                if ((len & DISCARD) == 0) {
                    handler.onRecord(producer, at + HEADER, bytes);
                    n++;
                }
                cons += (bytes + HEADER + 7) & ~7L;
                LONG.setRelease(consumer, 0L, cons);
                progressed = true;
            }
        } while (progressed);
        return n;
    }

    @Override
    public void close() {
        if (mapped) {
            Libc.munmap(consumer);
            Libc.munmap(producer);
        }
    }
}
