package dev.synwarm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.net.CalibrationReport;
import dev.synwarm.net.DelayLineStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTableTest {
    private static CalibrationReport report(double oneWay, String wait, double connectErr, DelayLineStats line) {
        double rtt = 2 * oneWay;
        return new CalibrationReport("delayline", null, wait, "block", oneWay, 0, 0, rtt, 100,
                rtt + connectErr, rtt + 1, connectErr, 1.0, rtt + 0.05, rtt + 0.5, 0.05, 0.5,
                100, rtt, rtt + 0.1, 0, rtt + 0.004, 0.004, -connectErr, 0.02, 0.01, 0.03, line);
    }

    @Test
    void oneRowPerDelayAndWaitWithSignedErrorsAndLateFramesOfBothDirections() {
        var d = new DelayLineStats.Direction(10, 10, 0, 0, 0, 0, 2, 300_000);
        var e = new DelayLineStats.Direction(10, 10, 0, 0, 0, 0, 1, 250_000);
        String md = CalibrationTable.markdown(List.of(
                report(1, "spin", 0.123, new DelayLineStats(d, e)),
                report(2.5, "block", -0.01, null)));

        assertThat(md.lines().toList()).containsExactly(
                "| one-way | client wait | connect p50 / p99 error | request/response p50 / p99 error "
                        + "| ping mean error | ping − connect p50 | line frames > 200 µs late |",
                "|---|---|---|---|---|---|---|",
                "| 1 ms | spin | +0.12 / +1.00 ms | +0.05 / +0.50 ms | +0.004 ms | -0.123 ms | 3 |",
                "| 2.5 ms | block | -0.01 / +1.00 ms | +0.05 / +0.50 ms | +0.004 ms | +0.010 ms | — |");
    }
}
