package dev.synwarm.cli;

import dev.synwarm.net.CalibrationReport;
import dev.synwarm.net.LinkTiming;
import java.util.List;
import java.util.Locale;

/**
 * The README's "Emulated link accuracy" table from {@code calibrate --markdown}: one row per delay and
 * client wait mode, errors against 2 × one-way. The link's own share (kernel timestamps at both link
 * ends), ping and the line's counters are shared by the rows of one delay (one link, one run), so block's
 * ping − connect shows the client's wake-up cost directly, and client minus link what the hosts added.
 */
final class CalibrationTable {
    private CalibrationTable() {}

    static String markdown(List<CalibrationReport> reports) {
        StringBuilder b = new StringBuilder();
        b.append("| one-way | client wait | link connect p50 / p99 error | link request/response p50 / p99 error "
                + "| client connect p50 / p99 error | client request/response p50 / p99 error "
                + "| ping mean error | ping − link connect p50 | ping − client connect p50 | line frames > 200 µs late |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (CalibrationReport r : reports) {
            long late = r.line() == null ? -1 : r.line().aToB().lateOver200us() + r.line().bToA().lateOver200us();
            LinkTiming k = r.link();
            b.append(String.format(Locale.ROOT, "| %s ms | %s | %s | %s | %s | %s | %+.3f ms | %s | %+.3f ms | %s |%n",
                    number(r.oneWayMs()), r.clientWait(),
                    k == null ? "—" : p50p99(k.connectP50ErrorMs(), k.connectP99ErrorMs()),
                    k == null ? "—" : p50p99(k.rrP50ErrorMs(), k.rrP99ErrorMs()),
                    p50p99(r.connectP50ErrorMs(), r.connectP99ErrorMs()), p50p99(r.rrP50ErrorMs(), r.rrP99ErrorMs()),
                    r.pingMeanErrorMs(),
                    k == null ? "—" : String.format(Locale.ROOT, "%+.3f ms", k.pingMinusConnectP50Ms()),
                    r.pingMinusConnectP50Ms(), late < 0 ? "—" : Long.toString(late)));
        }
        return b.toString();
    }

    private static String p50p99(double p50, double p99) {
        return String.format(Locale.ROOT, "%+.2f / %+.2f ms", p50, p99);
    }

    /** 1, 2.5: no trailing zeros. */
    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
