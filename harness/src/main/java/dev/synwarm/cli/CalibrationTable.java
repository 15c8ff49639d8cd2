package dev.synwarm.cli;

import dev.synwarm.net.CalibrationReport;
import java.util.List;
import java.util.Locale;

/**
 * The README's "Emulated link accuracy" table from {@code calibrate --markdown}: one row per delay and
 * client wait mode, errors against 2 × one-way. Ping and the line's counters are shared by the rows of one
 * delay (one link, one run), so block's ping − connect shows the client's wake-up cost directly.
 */
final class CalibrationTable {
    private CalibrationTable() {}

    static String markdown(List<CalibrationReport> reports) {
        StringBuilder b = new StringBuilder();
        b.append("| one-way | client wait | connect p50 / p99 error | request/response p50 / p99 error "
                + "| ping mean error | ping − connect p50 | line frames > 200 µs late |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (CalibrationReport r : reports) {
            long late = r.line() == null ? -1 : r.line().aToB().lateOver200us() + r.line().bToA().lateOver200us();
            b.append(String.format(Locale.ROOT, "| %s ms | %s | %+.2f / %+.2f ms | %+.2f / %+.2f ms | %+.3f ms | %+.3f ms | %s |%n",
                    number(r.oneWayMs()), r.clientWait(), r.connectP50ErrorMs(), r.connectP99ErrorMs(),
                    r.rrP50ErrorMs(), r.rrP99ErrorMs(), r.pingMeanErrorMs(), r.pingMinusConnectP50Ms(),
                    late < 0 ? "—" : Long.toString(late)));
        }
        return b.toString();
    }

    /** 1, 2.5: no trailing zeros. */
    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
