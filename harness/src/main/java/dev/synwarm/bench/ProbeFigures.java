package dev.synwarm.bench;

import dev.synwarm.bpf.AttachMode;
import dev.synwarm.bpf.ConsumerKind;
import dev.synwarm.bpf.LatencyReport;
import dev.synwarm.bpf.PrewarmProbe;
import dev.synwarm.bpf.ProbeLatency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SYN at the XDP hook → the Java listener for the low-latency consumer (SPIN: SCHED_FIFO spin with rests)
 * against the blocking one (poll(2) at SCHED_FIFO, what the experiment runs), with no added load and
 * under a {@link SyntheticLoad}, interleaved by {@link ProbeComparison} on {@link ProbeLatency}'s private
 * veth/netns testbed. The kernel's timestamp and the listener's {@code System.nanoTime()} are the same clock.
 */
final class ProbeFigures implements EndToEnd {
    private static final Duration GAP = Duration.ofMillis(2);

    @Override
    public Measured measure(Context ctx) {
        int rounds = ctx.quick() ? 2 : 4;
        int perRound = ctx.quick() ? 150 : 500;
        ctx.step("  probe latency, spin and blocking consumers, with and without synthetic load, %d rounds", rounds);
        var plan = new ProbeComparison.Plan(AttachMode.XDP, List.of(ConsumerKind.SPIN, ConsumerKind.BLOCKING), true,
                rounds, perRound, GAP, PrewarmProbe.DEFAULT_SPIN_BUDGET);
        List<ProbeComparison.Row> rows = ProbeComparison.run(plan, ctx.progress());
        List<EndToEndFigure> out = new ArrayList<>();
        for (boolean loaded : List.of(false, true)) {
            LatencyReport spin = find(rows, ConsumerKind.SPIN, loaded);
            LatencyReport blocking = find(rows, ConsumerKind.BLOCKING, loaded);
            out.add(EndToEndFigure.of("SYN at XDP hook → Java listener, spin consumer, " + (loaded ? "under synthetic load" : "no added load"),
                    "bpf.ProbeLatency, kernel ktime of the SYN → listener's System.nanoTime(), " + rounds
                            + " interleaved rounds, SYNs " + GAP.toMillis() + " ms apart"
                            + (loaded ? "; " + SyntheticLoad.DESCRIPTION : ""),
                    spin.events(), spin.p50().toNanos(), spin.p99().toNanos())
                    .against("blocking consumer", blocking.p50().toNanos(), blocking.p99().toNanos()));
        }
        return Measured.of(out);
    }

    private static LatencyReport find(List<ProbeComparison.Row> rows, ConsumerKind consumer, boolean loaded) {
        return rows.stream().filter(r -> r.consumer() == consumer && r.loaded() == loaded).findFirst()
                .map(ProbeComparison.Row::report).orElseThrow();
    }
}
