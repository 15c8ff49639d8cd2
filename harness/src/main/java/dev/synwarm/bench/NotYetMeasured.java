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
                new BenchSummary.NotMeasured("gateway forwarding vs direct (JMH)", "the gateway package has not landed"));
    }
}
