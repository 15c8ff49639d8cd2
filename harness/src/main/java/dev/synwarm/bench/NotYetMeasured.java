package dev.synwarm.bench;

import java.util.List;

/**
 * The figures of the performance report whose packages have not reached this branch yet: listed with a
 * reason instead of a number, so the README says "not measured" rather than nothing (or worse, a guess).
 */
final class NotYetMeasured {
    private NotYetMeasured() {}

    static List<BenchSummary.NotMeasured> list() {
        return List.of(
                new BenchSummary.NotMeasured("gateway forwarding vs direct (JMH)", "the gateway package has not landed"),
                new BenchSummary.NotMeasured("SYN at the hook → container create request issued",
                        "the gateway package has not landed"),
                new BenchSummary.NotMeasured("break-even.yaml wall time vs inherent waits", "the experiment runner has not landed"));
    }
}
