package dev.synwarm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.synwarm.measure.TimelineRow;
import dev.synwarm.model.ModelTerms;
import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Terms read off hand-built timelines (ms → ns from connect start at 0), tls13 at L = 20 ms. */
class TermEstimatorTest {
    private static final CellKey CELL = new CellKey("fn-static", 150, 20, 0, 0, Protocol.TLS13);

    private static Long ns(Double ms) {
        return ms == null ? null : Math.round(ms * 1e6);
    }

    private static TimelineRow row(Mode m, Double trigger, Double create, Double ready, double reqAtGw, double respAtGw, double done) {
        return new TimelineRow("t", "c", 0, "fn-static", 150, 20, 0, 0, "tls13", m.label(), TimelineRow.Status.ok, "", 0L,
                ns(40.0), ns(80.0), ns(reqAtGw - 21), ns(done - 0.2), ns(done), null, ns(trigger), ns(create), null, null, null,
                ns(ready), ns(reqAtGw), null, ns(respAtGw), null, null);
    }

    @Test
    void termsComeFromTheTimeline() {
        // request nominally at 5L = 100 ms, here at 103 (H = 3); response leaves the gateway 2 ms after both
        // request and instance are there (S = 2) and its last byte is at the client 21 ms later (X = 1)
        TimelineRow cold = row(Mode.COLD, null, 103.5, 103.5 + 410, 103, 103.5 + 410 + 2, 103.5 + 410 + 2 + 21);
        TimelineRow syn = row(Mode.SYN_PORT, 20.5, 20.6, 20.6 + 410, 103, 20.6 + 410 + 2, 20.6 + 410 + 2 + 21);
        TimelineRow warm = row(Mode.WARM, null, null, null, 103, 105, 126);
        ModelTerms t = TermEstimator.terms(CELL, List.of(cold, syn, warm)).orElseThrow();
        assertThat(t.coldPathMs()).isCloseTo(410, within(1e-6));
        assertThat(t.serviceMs()).isCloseTo(2, within(1e-6));
        assertThat(t.requestOverheadMs()).isCloseTo(3, within(1e-6));
        assertThat(t.responseOverheadMs()).isCloseTo(1, within(1e-6));
        assertThat(TermEstimator.triggerDelayMs(CELL, Mode.SYN_PORT, List.of(syn)).getAsDouble()).isCloseTo(0.5, within(1e-6));
        assertThat(TermEstimator.triggerDelayMs(CELL, Mode.COLD, List.of(cold))).isEmpty();
    }

    @Test
    void noContainerStartMeansNoColdPathAndNoTerms() {
        assertThat(TermEstimator.terms(CELL, List.of(row(Mode.WARM, null, null, null, 103, 105, 126)))).isEmpty();
    }

    @Test
    void breakEvenCrossingIsInterpolatedBetweenTheBracketingDelays() {
        // residual 100 ms at 50 ms one-way, 0 at 100 ms; tolerance 20 → crossing at 90 ms
        var x = BreakEvenFinder.crossing(List.of(new double[] {0, 200}, new double[] {50, 100}, new double[] {100, 0}), 20);
        assertThat(x.getAsDouble()).isCloseTo(90, within(1e-9));
        assertThat(BreakEvenFinder.crossing(List.of(new double[] {0, 200}, new double[] {50, 100}), 20)).isEmpty();
    }
}
