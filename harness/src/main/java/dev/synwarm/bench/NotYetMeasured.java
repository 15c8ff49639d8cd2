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
                new BenchSummary.NotMeasured("delay-line sender lateness at 1k and 50k packets/s (JMH)",
                        "net's scheduler lives inside net.DelayDirection with its AF_PACKET sockets and exports only the "
                        + "max lateness and a > 200 µs count, no per-frame distribution; the link's accuracy is the calibrate figure"),
                new BenchSummary.NotMeasured("gateway forwarding vs direct (JMH)", "the gateway package has not landed"),
                new BenchSummary.NotMeasured("SYN at the hook → container create request issued",
                        "the gateway package has not landed"),
                new BenchSummary.NotMeasured("break-even.yaml wall time vs inherent waits", "the experiment runner has not landed"));
    }
}
