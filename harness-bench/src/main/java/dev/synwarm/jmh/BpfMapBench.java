package dev.synwarm.jmh;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.synwarm.bpf.BpfMap;
import dev.synwarm.bpf.BpfObject;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A libbpf map update and lookup through FFM on the probe's real port table ({@code fn_ports}, a kernel
 * HASH map u16 → u32, from prewarm.bpf.o loaded but not attached) — what {@code PrewarmProbe.mapPort}
 * costs per call. Each is one bpf(2) system call behind one downcall; {@code lookupErrno} adds errno
 * capture to show its price on a system call. Baseline: the same put/get on a {@code HashMap<Integer,
 * Integer>} — the table the gateway would keep if it needed no kernel — so the figure reads as "what the
 * kernel round trip costs over a user-space table". Needs root (loads an eBPF object).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class BpfMapBench {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBBPF = SymbolLookup.libraryLookup("libbpf.so.1", Arena.global());
    private static final MethodHandle UPDATE = LINKER.downcallHandle(LIBBPF.find("bpf_map_update_elem").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle LOOKUP = LINKER.downcallHandle(LIBBPF.find("bpf_map_lookup_elem").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle LOOKUP_ERRNO = LINKER.downcallHandle(LIBBPF.find("bpf_map_lookup_elem").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), Linker.Option.captureCallState("errno"));
    private static final int PORT = 8080;

    private BpfObject obj;
    private int fd;
    private Arena arena;
    private MemorySegment key;
    private MemorySegment value;
    private MemorySegment out;
    private MemorySegment capture;
    private final Map<Integer, Integer> javaTable = new HashMap<>();
    int fn = 7;

    @Setup
    public void setUp() throws Throwable {
        obj = BpfObject.open("prewarm").load();
        BpfMap ports = obj.map("fn_ports");
        fd = ports.fd();
        arena = Arena.ofConfined();
        key = arena.allocate(JAVA_SHORT);
        key.set(JAVA_SHORT, 0, (short) PORT);
        value = arena.allocate(JAVA_INT);
        out = arena.allocate(JAVA_INT);
        capture = arena.allocate(Linker.Option.captureStateLayout());
        value.set(JAVA_INT, 0, fn);
        javaTable.put(PORT, fn);
        if (update() != 0) {
            throw new IllegalStateException("bpf_map_update_elem on fn_ports failed");
        }
    }

    @TearDown
    public void tearDown() {
        arena.close();
        obj.close();
    }

    @Benchmark
    public int update() throws Throwable {
        return (int) UPDATE.invokeExact(fd, key, value, 0L);
    }

    @Benchmark
    public int lookup() throws Throwable {
        int rc = (int) LOOKUP.invokeExact(fd, key, out);
        return rc + out.get(JAVA_INT, 0);
    }

    @Benchmark
    public int lookupErrno() throws Throwable {
        int rc = (int) LOOKUP_ERRNO.invokeExact(capture, fd, key, out);
        return rc + out.get(JAVA_INT, 0);
    }

    @Benchmark
    public Integer javaMapPutBaseline() {
        return javaTable.put(PORT, fn);
    }

    @Benchmark
    public Integer javaMapGetBaseline() {
        return javaTable.get(PORT);
    }
}
