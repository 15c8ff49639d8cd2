package dev.synwarm.bpf;

import java.time.Duration;
import java.util.Arrays;

/** SYN at the hook → Java listener delays of one measurement, nearest-rank percentiles. */
public record LatencyReport(AttachMode mode, ConsumerKind consumer, int connections, int events,
                            Duration min, Duration p50, Duration p90, Duration p99, Duration max, ProbeStats stats) {

    public static LatencyReport of(AttachMode mode, ConsumerKind consumer, int connections, long[] delaysNs, ProbeStats stats) {
        long[] d = delaysNs.clone();
        Arrays.sort(d);
        if (d.length == 0) {
            Duration none = Duration.ZERO;
            return new LatencyReport(mode, consumer, connections, 0, none, none, none, none, none, stats);
        }
        return new LatencyReport(mode, consumer, connections, d.length, Duration.ofNanos(d[0]), rank(d, 50),
                rank(d, 90), rank(d, 99), Duration.ofNanos(d[d.length - 1]), stats);
    }

    private static Duration rank(long[] sorted, int percent) {
        int i = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return Duration.ofNanos(sorted[Math.max(0, Math.min(sorted.length - 1, i))]);
    }
}
