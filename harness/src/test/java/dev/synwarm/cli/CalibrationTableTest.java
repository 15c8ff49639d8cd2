package dev.synwarm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.net.CalibrationReport;
import dev.synwarm.net.DelayLineStats;
import dev.synwarm.net.LinkTiming;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTableTest {
    private static CalibrationReport report(double oneWay, String wait, double connectErr, DelayLineStats line,
            LinkTiming link) {
        double rtt = 2 * oneWay;
        return new CalibrationReport("delayline", null, wait, "block", oneWay, 0, 0, rtt, 100,
                rtt + connectErr, rtt + 1, connectErr, 1.0, rtt + 0.05, rtt + 0.5, 0.05, 0.5,
                100, rtt, rtt + 0.1, 0, rtt + 0.004, 0.004, -connectErr, 0.02, 0.01, 0.03, line, link, 0.05);
    }

    @Test
    void oneRowPerDelayAndWaitWithLinkAndClientErrorsAndLateFramesOfBothDirections() {
        var d = new DelayLineStats.Direction(10, 10, 0, 0, 0, 0, 2, 300_000);
        var e = new DelayLineStats.Direction(10, 10, 0, 0, 0, 0, 1, 250_000);
        var link = new LinkTiming(100, 2.03, 2.4, 0.03, 0.4, 100, 2.05, 2.6, 0.05, 0.6, -0.026, 0);
        String md = CalibrationTable.markdown(List.of(
                report(1, "spin", 0.123, new DelayLineStats(d, e), link),
                report(2.5, "block", -0.01, null, null)));

        assertThat(md.lines().toList()).containsExactly(
                "| one-way | client wait | link connect p50 / p99 error | link request/response p50 / p99 error "
                        + "| client connect p50 / p99 error | client request/response p50 / p99 error "
                        + "| ping mean error | ping − link connect p50 | ping − client connect p50 "
                        + "| line frames > 200 µs late |",
                "|---|---|---|---|---|---|---|---|---|---|",
                "| 1 ms | spin | +0.03 / +0.40 ms | +0.05 / +0.60 ms | +0.12 / +1.00 ms | +0.05 / +0.50 ms "
                        + "| +0.004 ms | -0.026 ms | -0.123 ms | 3 |",
                "| 2.5 ms | block | — | — | -0.01 / +1.00 ms | +0.05 / +0.50 ms | +0.004 ms | — | +0.010 ms | — |");
    }
}
