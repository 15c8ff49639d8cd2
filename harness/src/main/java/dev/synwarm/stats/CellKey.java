package dev.synwarm.stats;

import dev.synwarm.measure.TimelineRow;
import dev.synwarm.scenario.Protocol;
import java.util.Comparator;
import java.util.Locale;

/**
 * One cell of a run: everything but the mode. Cells are identified by their parameters (not by the
 * runner's cell id) so that the modes of one cell can be compared however the runner numbered them.
 */
public record CellKey(String function, double initMs, double oneWayMs, double jitterMs, double lossPct, Protocol protocol)
        implements Comparable<CellKey> {

    private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::function)
            .thenComparing(CellKey::protocol)
            .thenComparingDouble(CellKey::initMs)
            .thenComparingDouble(CellKey::jitterMs)
            .thenComparingDouble(CellKey::lossPct)
            .thenComparingDouble(CellKey::oneWayMs);

    public static CellKey of(TimelineRow r) {
        return new CellKey(r.function(), r.initMs(), r.oneWayMs(), r.jitterMs(), r.lossPct(), Protocol.parse(r.protocol()));
    }

    /** The cells that differ only in one-way delay form one series of a figure. */
    public CellKey withoutOneWay() {
        return new CellKey(function, initMs, 0, jitterMs, lossPct, protocol);
    }

    /** Short human label, e.g. {@code fn-static init 150 ms, 60 ms one-way, tls13}. */
    public String label() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s init %s ms, %s ms one-way", function,
                num(initMs), num(oneWayMs)));
        if (jitterMs > 0) {
            b.append(String.format(Locale.ROOT, " ±%s ms", num(jitterMs)));
        }
        if (lossPct > 0) {
            b.append(String.format(Locale.ROOT, ", %s %% loss", num(lossPct)));
        }
        return b.append(", ").append(protocol.label()).toString();
    }

    /** A stable number for seeding this cell's bootstrap streams (String.hashCode is specified). */
    long stream(String mode) {
        return (long) (label() + "|" + mode).hashCode();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public int compareTo(CellKey o) {
        return ORDER.compare(this, o);
    }
}
