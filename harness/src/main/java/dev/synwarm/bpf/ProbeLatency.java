package dev.synwarm.bpf;

import dev.synwarm.sys.Resources;
import dev.synwarm.sys.SystemException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Measures SYN(hook) → listener delay: a {@link ProbeTestbed}, the probe on its edge end, paced
 * connections from the client namespace. The first {@link #WARM_UP} connections are not counted (JIT,
 * ARP, first-touch); each delay is the event's Java receive time minus its kernel timestamp.
 */
public final class ProbeLatency {
    public static final int WARM_UP = 20;
    private static final int PORT = 8080;
    private static final int FN = 1;

    private ProbeLatency() {}

    /** The delays of one measurement, in arrival order, and the kernel's counters over it. */
    public record Sample(long[] delaysNs, ProbeStats stats) {}

    public static LatencyReport measure(AttachMode mode, ConsumerKind consumer, Duration spinBudget, int count,
                                        Duration gap, Resources res) {
        Sample s = sample(mode, consumer, spinBudget, count, gap, res);
        return LatencyReport.of(mode, consumer, count, s.delaysNs(), s.stats());
    }

    public static Sample sample(AttachMode mode, ConsumerKind consumer, Duration spinBudget, int count,
                                Duration gap, Resources res) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        ProbeTestbed bed = ProbeTestbed.create(res);
        LinkedBlockingQueue<SynEvent> events = new LinkedBlockingQueue<>();
        try (PrewarmProbe probe = PrewarmProbe.attach(bed.edgeIface(), mode, consumer, spinBudget, Duration.ZERO,
                events::add, res)) {
            probe.mapPort(PORT, FN);
            bed.listen(PORT);
            bed.connect(PORT, WARM_UP, gap);
            take(events, WARM_UP);
            ProbeStats before = probe.stats();
            bed.connect(PORT, count, gap);
            long[] delays = take(events, count);
            return new Sample(delays, probe.stats().minus(before));
        }
    }

    private static long[] take(LinkedBlockingQueue<SynEvent> events, int n) {
        long[] delays = new long[n];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int i = 0; i < n; i++) {
            SynEvent e;
            try {
                e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new SystemException("interrupted while waiting for probe events");
            }
            if (e == null) {
                throw new SystemException("only " + i + " of " + n + " probe events arrived within 10 s");
            }
            delays[i] = e.deliveryNs();
        }
        return delays;
    }
}
