package dev.synwarm.plot;

import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
import dev.synwarm.stats.CellKey;
import dev.synwarm.stats.SummaryRow;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Look-ups over a summary's rows that several figures share. */
final class SummaryIndex {
    private final List<SummaryRow> rows;

    SummaryIndex(List<SummaryRow> rows) {
        this.rows = List.copyOf(rows);
    }

    List<SummaryRow> rows() {
        return rows;
    }

    Optional<SummaryRow> row(CellKey cell, Mode mode) {
        return rows.stream().filter(r -> r.cell().equals(cell) && r.mode().equals(mode.label())).findFirst();
    }

    /** Series = cells differing only in one-way delay, in a stable order. */
    List<CellKey> seriesKeys() {
        return rows.stream().map(r -> r.cell().withoutOneWay()).distinct().sorted().toList();
    }

    /** The rows of one series and mode, ordered by one-way delay. */
    List<SummaryRow> series(CellKey key, Mode mode) {
        return rows.stream()
                .filter(r -> r.cell().withoutOneWay().equals(key) && r.mode().equals(mode.label()))
                .sorted(Comparator.comparingDouble(SummaryRow::oneWayMs))
                .toList();
    }

    List<Mode> modes() {
        return java.util.Arrays.stream(Mode.values())
                .filter(m -> rows.stream().anyMatch(r -> r.mode().equals(m.label())))
                .toList();
    }

    List<Protocol> protocols() {
        return rows.stream().map(SummaryRow::protocol).distinct().sorted().toList();
    }

    List<SummaryRow> where(Predicate<SummaryRow> p) {
        return rows.stream().filter(p).toList();
    }

    static double[] xs(List<SummaryRow> rs, java.util.function.ToDoubleFunction<SummaryRow> f) {
        return rs.stream().mapToDouble(f).toArray();
    }
}
