package dev.synwarm.plot;

import dev.synwarm.scenario.Mode;
import dev.synwarm.stats.CellKey;
import dev.synwarm.stats.SummaryRow;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one cell that the CDF and waterfall figures show: the one with the most modes, then the most
 * counted samples, then the SYN modes' accumulated latency closest to the cold path (where pre-warming
 * just hides the whole start, the most telling picture).
 */
final class CellChoice {
    private CellChoice() {}

    static Optional<CellKey> choose(List<SummaryRow> rows) {
        Map<CellKey, List<SummaryRow>> byCell = rows.stream().collect(Collectors.groupingBy(SummaryRow::cell));
        Comparator<Map.Entry<CellKey, List<SummaryRow>>> order = Comparator
                .<Map.Entry<CellKey, List<SummaryRow>>>comparingLong(e -> e.getValue().stream().filter(r -> r.n() > 0).count())
                .thenComparingInt(e -> e.getValue().stream().mapToInt(SummaryRow::n).sum())
                .thenComparingDouble(e -> -distanceFromBreakEven(e.getValue()))
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
        return byCell.entrySet().stream().max(order).map(Map.Entry::getKey);
    }

    private static double distanceFromBreakEven(List<SummaryRow> cell) {
        return cell.stream().filter(r -> r.modeValue() == Mode.SYN_PORT || r.modeValue() == Mode.SYN_OPTION)
                .map(SummaryRow::accumulatedOverColdPath).filter(x -> x != null && x > 0)
                .mapToDouble(x -> Math.abs(Math.log(x))).min().orElse(Double.MAX_VALUE);
    }
}
