package dev.synwarm.bpf;

import dev.synwarm.sys.Resources;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's SYN trigger: prewarm.bpf.o attached to one interface (XDP or TC ingress), a port → function
 * table, and a consumer thread that hands each event to a {@link SynListener} with both timestamps.
 */
public final class PrewarmProbe implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PrewarmProbe.class);
    /** Records run through the reader before attaching, so the first real SYN meets compiled code. */
    private static final int WARM_UP_RECORDS = 50_000;

    private final String description;
    private final PortTable ports;
    private final StatsCounters stats;
    private final CloseStack closer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Resources res;

    private PrewarmProbe(String description, PortTable ports, StatsCounters stats, CloseStack closer, Resources res) {
        this.description = description;
        this.ports = ports;
        this.stats = stats;
        this.closer = closer;
        this.res = res;
    }

    /** How long a spinning consumer spins after the last event unless told otherwise. */
    public static final Duration DEFAULT_SPIN_BUDGET = Duration.ofSeconds(1);

    /** Attaches with the {@link #DEFAULT_SPIN_BUDGET} for a spinning consumer. */
    public static PrewarmProbe attach(String iface, AttachMode mode, ConsumerKind consumer, Duration cooldown,
                                      SynListener listener, Resources res) {
        return attach(iface, mode, consumer, DEFAULT_SPIN_BUDGET, cooldown, listener, res);
    }

    /**
     * @param spinBudget for a spinning consumer: how long to spin without an event before sleeping in
     *                   poll(2) until the next one (positive; ignored by BLOCKING)
     * @param cooldown   after an event for a function, further SYNs for it within this time are suppressed
     *                   in the kernel (counted); zero sends every SYN
     */
    public static PrewarmProbe attach(String iface, AttachMode mode, ConsumerKind consumer, Duration spinBudget,
                                      Duration cooldown, SynListener listener, Resources res) {
        if (cooldown.isNegative() || !spinBudget.isPositive()) {
            throw new IllegalArgumentException("cooldown must not be negative and the spin budget must be positive");
        }
        String description = "eBPF probe (" + mode.name().toLowerCase() + ") on " + iface;
        CloseStack closer = new CloseStack();
        try {
            BpfObject obj = closer.push(BpfObject.open(PrewarmLayout.OBJECT));
            obj.setConstant(PrewarmLayout.COOLDOWN, cooldown.toNanos());
            obj.load();
            StatsCounters stats = closer.push(new StatsCounters(obj.map(PrewarmLayout.STATS_MAP)));
            BpfMap events = obj.map(PrewarmLayout.EVENTS_MAP);
            RingBuffer ring = closer.push(new RingBuffer(events));
            warmUp(ring);
            RingBuffer.RecordHandler deliver = (data, off, len) -> {
                long now = System.nanoTime();
                try {
                    listener.onSyn(PrewarmLayout.decode(data, off, now));
                } catch (RuntimeException e) {
                    LOG.warn("SYN listener failed; the probe goes on", e);
                }
            };
            RingConsumer consumerThread = closer.push(new RingConsumer(ring, events.fd(), consumer, spinBudget,
                    deliver, "sw-probe-" + iface));
            consumerThread.start();
            closer.push(switch (mode) {
                case XDP -> Hooks.xdp(obj.program(PrewarmLayout.XDP_PROGRAM), iface);
                case TC -> Hooks.tcIngress(obj.program(PrewarmLayout.TC_PROGRAM), iface);
            });
            PrewarmProbe probe = new PrewarmProbe(description, new PortTable(obj.map(PrewarmLayout.PORTS_MAP)), stats, closer, res);
            res.add(description, probe::close);
            LOG.debug("{} attached, consumer {}, cooldown {}", description, consumer, cooldown);
            return probe;
        } catch (RuntimeException e) {
            throw closer.unwind(e);
        }
    }

    /** SYNs to {@code port} (without the fnid option) now trigger {@code fnId}. */
    public void mapPort(int port, int fnId) {
        ports.put(port, fnId);
    }

    public void unmapPort(int port) {
        ports.remove(port);
    }

    public ProbeStats stats() {
        return stats.snapshot();
    }

    /** Detaches, stops the consumer and unloads; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closer.close();
            res.releaseNow(description); // forget the registration (its release is this method: a no-op now)
        }
    }

    /**
     * Compiles the reader and the decoder before the first SYN (cold code costs tens of µs per event):
     * records are written into a private ring laid out like the kernel's and drained.
     */
    private static void warmUp(RingBuffer kernelRing) {
        long size = 1 << 16;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cons = a.allocate(Libc.PAGE_SIZE, 8);
            MemorySegment prod = a.allocate(Libc.PAGE_SIZE + 2 * size, 8);
            RingBuffer ring = new RingBuffer(cons, prod, Libc.PAGE_SIZE, size);
            byte[] addr = {10, 77, 0, 1};
            long sink = 0;
            long record = RingBuffer.HEADER + PrewarmLayout.EVENT_SIZE;
            long pos = 0;
            long[] seen = new long[1];
            RingBuffer.RecordHandler handler = (data, off, len) -> seen[0] += PrewarmLayout.decode(data, off, 0).sport();
            for (int i = 0; i < WARM_UP_RECORDS; i++) {
                long at = Libc.PAGE_SIZE + (pos & (size - 1));
                prod.set(java.lang.foreign.ValueLayout.JAVA_INT, at, PrewarmLayout.EVENT_SIZE);
                PrewarmLayout.encode(prod, at + RingBuffer.HEADER, i, PrewarmLayout.SRC_PORT, addr, i & 0xffff, 80,
                        PrewarmLayout.HOOK_XDP, 0, i);
                pos += record;
                prod.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, pos);
                sink += ring.drain(handler);
                kernelRing.hasData(); // the real ring's position reads too
            }
            if (sink != WARM_UP_RECORDS) {
                throw new IllegalStateException("ring reader warm-up lost records: " + sink);
            }
        }
    }
}
