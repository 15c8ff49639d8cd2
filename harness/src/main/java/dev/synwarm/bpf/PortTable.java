package dev.synwarm.bpf;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Typed view of a {@code u16 port (host order) → u32 function id} hash map ({@code fn_ports}, {@code fn_tags}). */
final class PortTable {
    private final BpfMap map;

    PortTable(BpfMap map) {
        this.map = map;
    }

    void put(int port, int fnId) {
        checkPort(port);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment k = a.allocate(JAVA_SHORT);
            MemorySegment v = a.allocate(JAVA_INT);
            k.set(JAVA_SHORT, 0, (short) port);
            v.set(JAVA_INT, 0, fnId);
            map.update(k, v);
        }
    }

    boolean remove(int port) {
        checkPort(port);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment k = a.allocate(JAVA_SHORT);
            k.set(JAVA_SHORT, 0, (short) port);
            return map.delete(k);
        }
    }

    static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 1..65535");
        }
    }
}
