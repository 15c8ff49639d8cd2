package dev.synwarm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.measure.TimelineRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-built timeline rows → the SYN path figures and the wall-time ratio. */
class RunFiguresTest {
    static TimelineRow row(String mode, TimelineRow.Status status, Long syn, Long trigger, Long create, long start, long done) {
        return new TimelineRow("ab12", "c1", 0, "fn-static", 150, 60, 0, 0, "http", mode, status, "",
                start, null, null, null, null, done, syn, trigger, create, null, null, null, null, null, null, null,
                null, "none/request");
    }

    @Test
    void synFiguresUseOnlyOkSynTriggeredRowsStartedByTheirOwnSyn() {
        List<TimelineRow> rows = List.of(
                row("syn-port", TimelineRow.Status.ok, 1_000L, 1_100L, 1_500L, 0, 10_000),
                row("syn-option", TimelineRow.Status.ok, 2_000L, 2_300L, 2_900L, 0, 10_000),
                row("syn-port", TimelineRow.Status.ok, 3_000L, null, 9_000L, 0, 10_000),     // not its own trigger
                row("syn-port", TimelineRow.Status.excluded, 4_000L, 4_100L, 4_200L, 0, 10_000),
                row("cold", TimelineRow.Status.ok, null, null, 5_000L, 0, 10_000));
        List<EndToEndFigure> f = RunFigures.synFigures(rows, "quick");
        assertThat(f).extracting(EndToEndFigure::samples).containsExactly(2, 2);
        assertThat(f.get(0).p50Ns()).isEqualTo(100);   // nearest rank of {100, 300}
        assertThat(f.get(0).p99Ns()).isEqualTo(300);
        assertThat(f.get(1).p50Ns()).isEqualTo(500);   // {500, 900}
        assertThat(f.get(1).p99Ns()).isEqualTo(900);
    }

    @Test
    void wallTimeComparesWithTheSumOfCompleteRequests() {
        List<TimelineRow> rows = List.of(
                row("cold", TimelineRow.Status.ok, null, null, null, 0, 400),
                row("warm", TimelineRow.Status.ok, null, null, null, 1_000, 1_100),
                new TimelineRow("ab12", "c1", 0, "fn-static", 0, 0, 0, 0, "http", "cold", TimelineRow.Status.failed, "x",
                        5L, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, ""));
        WallTime w = RunFigures.wallTime("quick", rows, 1_000);
        assertThat(w).isEqualTo(new WallTime("quick.yaml", 2, 1_000, 500));
        assertThat(w.ratio()).isEqualTo(2.0);
    }
}
