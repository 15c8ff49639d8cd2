package dev.synwarm.jmh;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.synwarm.bpf.BpfObject;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The probe's real port table ({@code fn_ports}: kernel HASH map u16 port → u32 function, from
 * prewarm.bpf.o loaded but not attached) with port 8080 mapped, the libbpf handles to reach it, and the
 * pure-Java table the baselines use. Needs root (loads an eBPF object).
 */
@State(Scope.Thread)
public class PortMapState {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBBPF = SymbolLookup.libraryLookup("libbpf.so.1", Arena.global());
    static final MethodHandle UPDATE = LINKER.downcallHandle(LIBBPF.find("bpf_map_update_elem").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
    static final MethodHandle LOOKUP = LINKER.downcallHandle(LIBBPF.find("bpf_map_lookup_elem").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    static final MethodHandle LOOKUP_ERRNO = LINKER.downcallHandle(LIBBPF.find("bpf_map_lookup_elem").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), Linker.Option.captureCallState("errno"));
    static final int PORT = 8080;

    private BpfObject obj;
    private Arena arena;
    int fd;
    MemorySegment key;
    MemorySegment value;
    MemorySegment out;
    MemorySegment capture;
    final Map<Integer, Integer> javaTable = new HashMap<>();
    /** Not a constant, so nothing folds. */
    int fn = 7;

    @Setup
    public void setUp() throws Throwable {
        obj = BpfObject.open("prewarm").load();
        fd = obj.map("fn_ports").fd();
        arena = Arena.ofConfined();
        key = arena.allocate(JAVA_SHORT);
        key.set(JAVA_SHORT, 0, (short) PORT);
        value = arena.allocate(JAVA_INT);
        value.set(JAVA_INT, 0, fn);
        out = arena.allocate(JAVA_INT);
        capture = arena.allocate(Linker.Option.captureStateLayout());
        javaTable.put(PORT, fn);
        if ((int) UPDATE.invokeExact(fd, key, value, 0L) != 0) {
            throw new IllegalStateException("bpf_map_update_elem on fn_ports failed");
        }
    }

    @TearDown
    public void tearDown() {
        arena.close();
        obj.close();
    }
}
