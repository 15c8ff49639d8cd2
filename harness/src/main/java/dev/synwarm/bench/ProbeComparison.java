package dev.synwarm.bench;

import dev.synwarm.bpf.AttachMode;
import dev.synwarm.bpf.ConsumerKind;
import dev.synwarm.bpf.LatencyReport;
import dev.synwarm.bpf.ProbeLatency;
import dev.synwarm.bpf.ProbeStats;
import dev.synwarm.sys.Resources;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SYN at the hook → Java listener for several ring consumers, on a quiet host and under a
 * {@link SyntheticLoad}, interleaved: each round measures every consumer once per load (the consumer
 * order reversed every other round), so drifting background load hits every cell alike; the rounds'
 * delays are pooled per cell. Used by {@code probe --latency} and the bench.
 */
public final class ProbeComparison {
    /** @param loaded measured while the synthetic load ran */
    public record Row(ConsumerKind consumer, boolean loaded, LatencyReport report) {
        public String loadLabel() {
            return loaded ? "under synthetic load" : "no added load";
        }
    }

    /**
     * @param perRound connections each cell measures per round (after {@link ProbeLatency#WARM_UP})
     */
    public record Plan(AttachMode mode, List<ConsumerKind> consumers, boolean underLoad, int rounds, int perRound,
                       Duration gap, Duration spinBudget) {
        public Plan {
            consumers = List.copyOf(consumers);
            if (consumers.isEmpty() || rounds < 1 || perRound < 1) {
                throw new IllegalArgumentException("a comparison needs a consumer, a round and a connection");
            }
        }
    }

    private record Cell(ConsumerKind consumer, boolean loaded) {}

    private record Pool(List<long[]> delays, ProbeStats stats) {}

    private ProbeComparison() {}

    public static List<Row> run(Plan plan, PrintWriter progress) {
        Map<Cell, Pool> pools = new LinkedHashMap<>();
        for (int round = 0; round < plan.rounds(); round++) {
            List<ConsumerKind> order = new ArrayList<>(plan.consumers());
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (boolean loaded : plan.underLoad() ? List.of(false, true) : List.of(false)) {
                try (Resources loadRes = Resources.open();
                     SyntheticLoad ignored = loaded ? SyntheticLoad.start(loadRes) : null) {
                    for (ConsumerKind consumer : order) {
                        progress.printf(Locale.ROOT, "  round %d/%d, %s consumer, %s: %d connections%n", round + 1,
                                plan.rounds(), consumer.label(), loaded ? "synthetic load" : "no added load", plan.perRound());
                        progress.flush();
                        ProbeLatency.Sample s;
                        try (Resources res = Resources.open()) {
                            s = ProbeLatency.sample(plan.mode(), consumer, plan.spinBudget(), plan.perRound(), plan.gap(), res);
                        }
                        pools.merge(new Cell(consumer, loaded), new Pool(List.of(s.delaysNs()), s.stats()),
                                (a, b) -> new Pool(concat(a.delays(), b.delays()), a.stats().plus(b.stats())));
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        pools.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Cell, Pool> e) -> e.getKey().loaded())
                        .thenComparing(e -> plan.consumers().indexOf(e.getKey().consumer())))
                .forEach(e -> {
                    long[] all = e.getValue().delays().stream().flatMapToLong(Arrays::stream).toArray();
                    rows.add(new Row(e.getKey().consumer(), e.getKey().loaded(), LatencyReport.of(plan.mode(),
                            e.getKey().consumer(), plan.rounds() * plan.perRound(), all, e.getValue().stats())));
                });
        return rows;
    }

    private static List<long[]> concat(List<long[]> a, List<long[]> b) {
        List<long[]> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
