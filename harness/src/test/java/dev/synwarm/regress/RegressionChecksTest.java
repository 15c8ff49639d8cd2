package dev.synwarm.regress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
import dev.synwarm.stats.RunSummary;
import dev.synwarm.stats.Summarizer;
import dev.synwarm.stats.SummaryOptions;
import dev.synwarm.stats.SummaryRow;
import dev.synwarm.testing.SyntheticRun;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegressionChecksTest {
    /** http + tls13 at 0, 60 and 250 ms one-way: at 250 ms every SYN mode's accumulated latency covers I ≈ 415 ms. */
    private static SyntheticRun run(long seed) {
        return new SyntheticRun(seed).oneWays(0.0, 60.0, 250.0);
    }

    private static RunSummary summary(SyntheticRun r) {
        return new Summarizer(SummaryOptions.DEFAULT).summarize(r.rows());
    }

    @Test
    void aHealthyRunPassesEveryCheck() {
        Verdict v = RegressionChecks.check(summary(run(1)), Optional.empty());
        assertThat(v.failures()).isEmpty();
        assertThat(v.checks()).isGreaterThan(5);
        assertThat(v.notes()).containsExactly("no baseline: saving-regression check skipped");
    }

    @Test
    void aRunWithTheProbeOffFailsTheNormalisedSavingCheck() {
        Verdict v = RegressionChecks.check(summary(run(2).probeOff()), Optional.empty());
        assertThat(v.passed()).isFalse();
        assertThat(v.failures()).anySatisfy(f -> assertThat(f)
                .startsWith("normalised saving: fn-static init 150 ms, 250 ms one-way, http, syn-port: no counted samples")
                .contains("excluded: trigger never fired ×12"));
        // where the handshake cannot cover I the rows are not silently dropped either: the missed triggers fail
        assertThat(v.failures()).anySatisfy(f -> assertThat(f)
                .startsWith("pre-warm: fn-static init 150 ms, 60 ms one-way, http, syn-port: 12 measured request(s) not started"));
    }

    @Test
    void aProbeFailureTheRunnerMissedFailsOnTheSavingItself() {
        Verdict v = RegressionChecks.check(summary(run(3).probeOffUndetected()), Optional.empty());
        assertThat(v.failures()).anySatisfy(f -> assertThat(f)
                .matches("normalised saving: fn-static init 150 ms, 250 ms one-way, tls13, syn-option: -?0\\.\\d\\d < 0\\.90 .*"));
        // the 60 ms cells cannot reach I, but their rows carry no trigger of their own: caught too
        assertThat(v.failures()).anySatisfy(f -> assertThat(f).startsWith("pre-warm: fn-static init 150 ms, 60 ms one-way, http, syn-port:")
                .contains("not started by their own trigger, 12 counted"));
    }

    @Test
    void aModelThatMissesByMoreThanTenPercentFails() {
        RunSummary s = summary(run(4));
        List<SummaryRow> skewed = s.rows().stream().map(r -> r.mode().equals("warm") ? withModelError(r, 0.25) : r).toList();
        RunSummary broken = new RunSummary(s.schema(), s.runId(), s.confidence(), s.bootstrapResamples(), s.bootstrapSeed(),
                s.samplesRead(), skewed, List.of(new dev.synwarm.stats.ModelError("warm", 6, 0.25, 0.25)), s.breakEvens());
        Verdict v = RegressionChecks.check(broken, Optional.empty());
        assertThat(v.failures()).containsExactly("model: warm: MAPE 25.0% > 10% over 6 cells");
    }

    @Test
    void aSavingBelowTheBaselinesIntervalFails() {
        RunSummary base = summary(run(5));
        assertThat(RegressionChecks.check(summary(run(6)), Optional.of(base)).failures()).isEmpty();

        RunSummary slower = summary(run(7).dockerMs(60)); // a much shorter cold path: far less to save
        Verdict v = RegressionChecks.check(slower, Optional.of(base));
        assertThat(v.failures()).anySatisfy(f -> assertThat(f)
                .startsWith("saving: fn-static init 150 ms, 250 ms one-way, tls13, " + Mode.SYN_PORT.label())
                .contains("below the baseline's"));
    }

    @Test
    void aBaselineWhoseColdPathRanLongDemandsNoMoreThanItsIdealSaving() {
        RunSummary base = summary(run(5));
        // the baseline's machine was loaded: its cold requests ran 60 ms longer, so its savings exceed min(I, R − T)
        List<SummaryRow> inflated = base.rows().stream().map(r -> r.savingMs() == null ? r
                : withSaving(r, r.savingMs() + 60, r.savingLowMs() + 60, r.savingHighMs() + 60)).toList();
        RunSummary loaded = new RunSummary(base.schema(), base.runId(), base.confidence(), base.bootstrapResamples(),
                base.bootstrapSeed(), base.samplesRead(), inflated, base.modelErrors(), base.breakEvens());
        assertThat(RegressionChecks.check(summary(run(6)), Optional.of(loaded)).failures()).isEmpty();
        // but a current run that saves nothing still fails against it
        assertThat(RegressionChecks.check(summary(run(6).probeOffUndetected()), Optional.of(loaded)).failures())
                .anySatisfy(f -> assertThat(f).startsWith("saving: fn-static init 150 ms, 250 ms one-way, tls13, syn-port"));
    }

    @Test
    void sniUnderHttpIsNeverHeldToTheTarget() {
        RunSummary s = summary(run(8).protocols(Protocol.HTTP).modes(Mode.COLD, Mode.SNI, Mode.WARM));
        Verdict v = RegressionChecks.check(s, Optional.empty());
        assertThat(v.failures()).isEmpty();
        assertThat(v.notes()).anySatisfy(n -> assertThat(n).startsWith("no cell where the accumulated latency covers"));
    }

    private static SummaryRow withSaving(SummaryRow r, double saving, double low, double high) {
        return new SummaryRow(r.function(), r.initMs(), r.oneWayMs(), r.jitterMs(), r.lossPct(), r.protocol(), r.mode(), r.n(),
                r.excluded(), r.failed(), r.exclusionReasons(), r.missedTriggers(), r.medianMs(), r.medianLowMs(),
                r.medianHighMs(), r.meanMs(), r.p90Ms(), r.p99Ms(), r.minMs(), r.maxMs(), r.coldPathMs(), r.serviceMs(),
                r.requestOverheadMs(), r.responseOverheadMs(), r.triggerDelayMs(), r.accumulatedMs(), r.idealSavingMs(), saving,
                low, high, r.normalisedSaving(), r.normalisedSavingLow(), r.normalisedSavingHigh(), r.speedUp(), r.speedUpLow(),
                r.speedUpHigh(), r.modelMs(), r.modelErrorMs(), r.modelRelativeError());
    }

    private static SummaryRow withModelError(SummaryRow r, double rel) {
        return new SummaryRow(r.function(), r.initMs(), r.oneWayMs(), r.jitterMs(), r.lossPct(), r.protocol(), r.mode(), r.n(),
                r.excluded(), r.failed(), r.exclusionReasons(), r.missedTriggers(), r.medianMs(), r.medianLowMs(), r.medianHighMs(), r.meanMs(),
                r.p90Ms(), r.p99Ms(), r.minMs(), r.maxMs(), r.coldPathMs(), r.serviceMs(), r.requestOverheadMs(),
                r.responseOverheadMs(), r.triggerDelayMs(), r.accumulatedMs(), r.idealSavingMs(), r.savingMs(), r.savingLowMs(),
                r.savingHighMs(), r.normalisedSaving(), r.normalisedSavingLow(), r.normalisedSavingHigh(), r.speedUp(),
                r.speedUpLow(), r.speedUpHigh(), r.medianMs() * (1 + rel), r.medianMs() * rel, rel);
    }
}
