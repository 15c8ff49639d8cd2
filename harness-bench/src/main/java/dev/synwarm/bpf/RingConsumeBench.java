package dev.synwarm.bpf;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-event cost of emptying the probe's ring buffer, in user space only: before every invocation (not
 * timed) the real {@code xdp_syn} program runs {@value #BATCH} times on one SYN frame through
 * BPF_PROG_TEST_RUN ({@code repeat}), so the kernel itself writes {@value #BATCH} genuine events into the
 * real {@code events} ring; the timed part drains them. Score = ns per event (events/s = 1e9 / score).
 *
 * <ul>
 *   <li>{@code javaMmapReader}: the probe's own reader ({@link RingBuffer#drain} over the mmap).</li>
 *   <li>{@code libbpfConsumeUpcallBaseline}: libbpf's {@code ring_buffer__consume} calling a Java upcall per
 *       record — the reference a C-minded binding would use, warm (JMH warm-up runs first).</li>
 * </ul>
 * Both handlers do the same work per record (read the clock, decode a {@link SynEvent}), so the difference
 * is the reading machinery. Every invocation checks that all {@value #BATCH} events arrived, so a full ring
 * or a lost event fails the run instead of flattering it. Needs root.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RingConsumeBench {
    /** 4096 × 48-byte records = 192 KiB, below the 256 KiB ring. */
    static final int BATCH = 4096;
    private static final long OPTS_SIZE = 80; // struct bpf_test_run_opts, libbpf 1.1
    private static final int PORT = 8080;

    /** The loaded probe object, one SYN frame, and a way to make the kernel emit a batch of events. */
    abstract static class Filled {
        CloseStack closer;
        BpfObject obj;
        BpfMap events;
        private Arena arena;
        private MemorySegment opts;
        private MemorySegment frame;
        private int progFd;
        long seen;

        void open() {
            closer = new CloseStack();
            obj = closer.push(BpfObject.open(PrewarmLayout.OBJECT));
            obj.setConstant(PrewarmLayout.COOLDOWN, Duration.ZERO.toNanos());
            obj.load();
            new PortTable(obj.map(PrewarmLayout.PORTS_MAP)).put(PORT, 1);
            events = obj.map(PrewarmLayout.EVENTS_MAP);
            progFd = obj.program(PrewarmLayout.XDP_PROGRAM).fd();
            arena = Arena.ofConfined();
            byte[] syn = synFrame();
            frame = arena.allocate(syn.length, 8);
            MemorySegment.copy(syn, 0, frame, JAVA_BYTE, 0, syn.length);
            opts = arena.allocate(OPTS_SIZE, 8);
        }

        /** Runs xdp_syn BATCH times in the kernel: BATCH events in the ring (cooldown 0). */
        void fill() throws Throwable {
            if (seen != 0 && seen != BATCH) {
                throw new IllegalStateException("drained " + seen + " events, the kernel wrote " + BATCH);
            }
            seen = 0;
            opts.fill((byte) 0);
            opts.set(JAVA_LONG, 0, OPTS_SIZE);
            opts.set(ADDRESS, 8, frame);                       // data_in
            opts.set(JAVA_INT, 24, (int) frame.byteSize());    // data_size_in
            opts.set(JAVA_INT, 60, BATCH);                     // repeat
            int rc = (int) Libbpf.PROG_TEST_RUN_OPTS.invokeExact(progFd, opts);
            if (rc < 0) {
                throw new IllegalStateException("BPF_PROG_TEST_RUN failed: " + NativeCalls.strerror(rc));
            }
        }

        void close() {
            arena.close();
            closer.close();
        }
    }

    @State(Scope.Thread)
    public static class JavaReader extends Filled {
        RingBuffer ring;
        RingBuffer.RecordHandler handler;

        @Setup(Level.Trial)
        public void setUp() {
            open();
            ring = closer.push(new RingBuffer(events));
            handler = (data, off, len) -> {
                SynEvent e = PrewarmLayout.decode(data, off, System.nanoTime());
                seen += e.fnId();
            };
        }

        @Setup(Level.Invocation)
        public void refill() throws Throwable {
            fill();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }
    }

    @State(Scope.Thread)
    public static class LibbpfReader extends Filled {
        private static final MethodHandle RING_NEW = Libbpf.fnErrno("ring_buffer__new",
                FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        private static final MethodHandle RING_CONSUME = Libbpf.fn("ring_buffer__consume",
                FunctionDescriptor.of(JAVA_INT, ADDRESS));
        private static final MethodHandle RING_FREE = Libbpf.fn("ring_buffer__free", FunctionDescriptor.ofVoid(ADDRESS));
        /** The upcall has no instance: the state in use this fork (one thread). */
        private static LibbpfReader current;

        private Arena upcalls;
        MemorySegment rb;

        @Setup(Level.Trial)
        public void setUp() throws Throwable {
            open();
            current = this;
            upcalls = Arena.ofShared();
            MethodHandle target = MethodHandles.lookup().findStatic(LibbpfReader.class, "onSample",
                    MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class, long.class));
            MemorySegment stub = NativeCalls.LINKER.upcallStub(target,
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG), upcalls);
            MemorySegment cap = NativeCalls.captureIn(upcalls);
            rb = (MemorySegment) RING_NEW.invokeExact(cap, events.fd(), stub, MemorySegment.NULL, MemorySegment.NULL);
            if (rb.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("ring_buffer__new failed: " + NativeCalls.strerror(NativeCalls.errno(cap)));
            }
        }

        private static int onSample(MemorySegment ctx, MemorySegment data, long size) {
            SynEvent e = PrewarmLayout.decode(data.reinterpret(size), 0, System.nanoTime());
            current.seen += e.fnId();
            return 0;
        }

        int consume() throws Throwable {
            return (int) RING_CONSUME.invokeExact(rb);
        }

        @Setup(Level.Invocation)
        public void refill() throws Throwable {
            fill();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Throwable {
            RING_FREE.invokeExact(rb);
            upcalls.close();
            close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int javaMmapReader(JavaReader s) {
        return s.ring.drain(s.handler);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int libbpfConsumeUpcallBaseline(LibbpfReader s) throws Throwable {
        return s.consume();
    }

    /** Ethernet + IPv4 + TCP SYN (no options) to {@link #PORT}, from 10.77.0.2:40000. */
    static byte[] synFrame() {
        byte[] f = new byte[14 + 20 + 20];
        f[12] = 0x08;                                   // EtherType IPv4
        f[14] = 0x45;                                   // version 4, IHL 5
        f[16] = 0;
        f[17] = 40;                                     // total length
        f[22] = 64;                                     // TTL
        f[23] = 6;                                      // TCP
        byte[] src = {10, 77, 0, 2};
        byte[] dst = {10, 77, 0, 1};
        System.arraycopy(src, 0, f, 26, 4);
        System.arraycopy(dst, 0, f, 30, 4);
        f[34] = (byte) (40000 >> 8);
        f[35] = (byte) 40000;
        f[36] = (byte) (PORT >> 8);
        f[37] = (byte) PORT;
        f[46] = 0x50;                                   // data offset 5 words
        f[47] = 0x02;                                   // SYN
        f[48] = (byte) 0xff;                            // window
        f[49] = (byte) 0xff;
        return f;
    }
}
