package dev.synwarm.bpf;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java ring reader on memory laid out like the kernel's mapping (no kernel needed). */
class RingBufferTest {
    static final long SIZE = 4096;
    final Arena arena = Arena.ofAuto();
    final MemorySegment cons = arena.allocate(Libc.PAGE_SIZE, 8);
    final MemorySegment prod = arena.allocate(Libc.PAGE_SIZE + 2 * SIZE, 8);
    final RingBuffer ring = new RingBuffer(cons, prod, Libc.PAGE_SIZE, SIZE);
    long producerPos;

    /** Writes a record the way the kernel does: header (len | flags) then the payload, 8-byte aligned. */
    long put(int fnId, int flags) {
        long at = Libc.PAGE_SIZE + (producerPos & (SIZE - 1));
        prod.set(JAVA_INT, at, PrewarmLayout.EVENT_SIZE | flags);
        PrewarmLayout.encode(prod, at + RingBuffer.HEADER, fnId, PrewarmLayout.SRC_OPTION, new byte[] {10, 77, 1, 2},
                1234, 8080, PrewarmLayout.HOOK_TC, 3, 99L);
        // the double mapping: bytes past the end are the start again
        if (at + RingBuffer.HEADER + PrewarmLayout.EVENT_SIZE > Libc.PAGE_SIZE + SIZE) {
            long over = at + RingBuffer.HEADER + PrewarmLayout.EVENT_SIZE - (Libc.PAGE_SIZE + SIZE);
            MemorySegment.copy(prod, Libc.PAGE_SIZE + SIZE, prod, Libc.PAGE_SIZE, over);
        }
        long start = producerPos;
        producerPos += RingBuffer.HEADER + PrewarmLayout.EVENT_SIZE;
        prod.set(JAVA_LONG, 0, producerPos);
        return start;
    }

    List<SynEvent> drain() {
        List<SynEvent> out = new ArrayList<>();
        ring.drain((m, off, len) -> {
            assertThat(len).isEqualTo(PrewarmLayout.EVENT_SIZE);
            out.add(PrewarmLayout.decode(m, off, 100L));
        });
        return out;
    }

    @Test
    void readsCommittedRecordsInOrderAndAdvancesTheConsumer() {
        put(1, 0);
        put(2, 0);
        List<SynEvent> got = drain();
        assertThat(got).extracting(SynEvent::fnId).containsExactly(1, 2);
        SynEvent e = got.getFirst();
        assertThat(e.source()).isEqualTo(TriggerSource.OPTION);
        assertThat(e.hook()).isEqualTo(AttachMode.TC);
        assertThat(e.sport()).isEqualTo(1234);
        assertThat(e.dport()).isEqualTo(8080);
        assertThat(e.suppressed()).isEqualTo(3);
        assertThat(e.ktimeNs()).isEqualTo(99L);
        assertThat(e.saddr().getHostAddress()).isEqualTo("10.77.1.2");
        assertThat(cons.get(JAVA_LONG, 0)).isEqualTo(producerPos);
        assertThat(ring.hasData()).isFalse();
        assertThat(drain()).isEmpty();
    }

    @Test
    void stopsAtABusyRecordAndSkipsDiscardedOnes() {
        put(1, RingBuffer.DISCARD);
        long busyAt = put(2, RingBuffer.BUSY);
        put(3, 0);
        assertThat(drain()).isEmpty();                   // 1 discarded, 2 not yet committed
        assertThat(cons.get(JAVA_LONG, 0)).isEqualTo(busyAt);
        prod.set(JAVA_INT, Libc.PAGE_SIZE + busyAt, PrewarmLayout.EVENT_SIZE); // now committed
        assertThat(drain()).extracting(SynEvent::fnId).containsExactly(2, 3);
    }

    @Test
    void recordsWrapAroundTheEnd() {
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 500; i++) {             // 500 × 48 bytes: wraps the 4 KiB ring several times
            put(i, 0);
            drain().forEach(e -> seen.add(e.fnId()));
        }
        assertThat(seen).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }
}
