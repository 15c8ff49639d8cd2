package dev.synwarm.bench;

import dev.synwarm.bpf.AttachMode;
import dev.synwarm.bpf.ConsumerKind;
import dev.synwarm.bpf.LatencyReport;
import dev.synwarm.bpf.ProbeLatency;
import dev.synwarm.sys.Resources;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SYN at the XDP hook → the Java listener, for the blocking consumer (poll(2), what runs by default) and
 * the low-latency one (busy spin), on {@link ProbeLatency}'s private veth/netns testbed. The kernel's
 * timestamp and the listener's {@code System.nanoTime()} are the same clock.
 */
final class ProbeFigures implements EndToEnd {
    private static final Duration GAP = Duration.ofMillis(2);

    @Override
    public String title() {
        return "SYN at the hook → Java listener";
    }

    @Override
    public Measured measure(Context ctx) {
        int connections = ctx.quick() ? 200 : 1000;
        PrintWriter progress = ctx.progress();
        List<EndToEndFigure> out = new ArrayList<>();
        for (ConsumerKind kind : ConsumerKind.values()) {
            progress.printf(Locale.ROOT, "  probe latency, %s consumer, %d connections%n",
                    kind.name().toLowerCase(Locale.ROOT), connections);
            progress.flush();
            LatencyReport r;
            try (Resources res = Resources.open()) {
                r = ProbeLatency.measure(AttachMode.XDP, kind, Duration.ZERO, connections, GAP, res);
            }
            out.add(EndToEndFigure.of("SYN at XDP hook → Java listener, " + kind.name().toLowerCase(Locale.ROOT) + " consumer",
                    "bpf.ProbeLatency: kernel ktime of the SYN → listener's System.nanoTime()", r.events(),
                    r.p50().toNanos(), r.p99().toNanos()));
        }
        return Measured.of(out);
    }
}
