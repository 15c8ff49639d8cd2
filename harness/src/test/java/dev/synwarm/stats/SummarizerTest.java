package dev.synwarm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.synwarm.measure.SamplesCsv;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
import dev.synwarm.testing.SyntheticRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarizerTest {
    @TempDir
    Path dir;

    private static SummaryRow row(RunSummary s, Protocol p, double oneWay, Mode m) {
        return s.rows().stream()
                .filter(r -> r.protocol() == p && r.oneWayMs() == oneWay && r.mode().equals(m.label()))
                .findFirst().orElseThrow();
    }

    @Test
    void csvToSummaryRoundTripKeepsEveryCellAndMode() throws Exception {
        List<TimelineRow> rows = new SyntheticRun(1).rows();
        Path csv = dir.resolve(SamplesCsv.FILE);
        SamplesCsv.write(csv, rows);
        RunSummary fromCsv = new Summarizer(SummaryOptions.DEFAULT).summarize(SamplesCsv.read(csv));
        RunSummary direct = new Summarizer(SummaryOptions.DEFAULT).summarize(rows);
        assertThat(fromCsv).isEqualTo(direct); // seeded bootstrap: bit-for-bit the same
        assertThat(fromCsv.rows()).hasSize(3 * 2 * 5); // 3 one-way delays × 2 protocols × 5 modes

        SummaryFiles.write(dir, fromCsv);
        assertThat(SummaryFiles.readJson(dir.resolve(SummaryFiles.JSON))).isEqualTo(fromCsv);
        assertThat(SummaryFiles.readCsv(dir.resolve(SummaryFiles.CSV))).isEqualTo(fromCsv.rows());
    }

    @Test
    void savingFollowsMinOfColdPathAndAccumulatedLatency() {
        RunSummary s = new Summarizer(SummaryOptions.DEFAULT).summarize(new SyntheticRun(2).oneWays(20.0, 250.0).rows());
        SummaryRow near = row(s, Protocol.HTTP, 20, Mode.SYN_PORT); // accumulated 40 ms << I ≈ 415 ms
        assertThat(near.accumulatedMs()).isEqualTo(40.0);
        assertThat(near.idealSavingMs()).isEqualTo(40.0);
        assertThat(near.savingMs()).isCloseTo(40, within(4.0));
        assertThat(near.normalisedSaving()).isCloseTo(1, within(0.1));
        assertThat(near.savingLowMs()).isLessThanOrEqualTo(near.savingMs());
        assertThat(near.savingHighMs()).isGreaterThanOrEqualTo(near.savingMs());

        SummaryRow far = row(s, Protocol.TLS13, 250, Mode.SYN_OPTION); // accumulated 1000 ms >= I
        assertThat(far.idealSavingMs()).isEqualTo(far.coldPathMs());
        assertThat(far.normalisedSaving()).isCloseTo(1, within(0.05));
        assertThat(far.speedUp()).isGreaterThan(1.2);
        assertThat(far.medianLowMs()).isLessThanOrEqualTo(far.medianMs());

        SummaryRow sniHttp = row(s, Protocol.HTTP, 250, Mode.SNI); // no ClientHello before an http request
        assertThat(sniHttp.idealSavingMs()).isZero();
        assertThat(sniHttp.normalisedSaving()).isNull();
    }

    @Test
    void coldPathIsMeasuredFromTheTimelineNotTheInitParameter() {
        RunSummary s = new Summarizer(SummaryOptions.DEFAULT).summarize(new SyntheticRun(3).dockerMs(280).rows());
        SummaryRow r = row(s, Protocol.HTTP, 60, Mode.COLD);
        assertThat(r.coldPathMs()).isBetween(150 + 280.0, 150 + 280 + 20.0);
    }

    @Test
    void modelPredictsEveryModeOfASyntheticRunClosely() {
        RunSummary s = new Summarizer(SummaryOptions.DEFAULT).summarize(new SyntheticRun(4).rows());
        assertThat(s.modelErrors()).extracting(ModelError::mode).containsExactly("cold", "syn-port", "syn-option", "sni", "warm");
        assertThat(s.modelErrors()).allSatisfy(e -> assertThat(e.mape()).isLessThan(0.03));
    }

    @Test
    void excludedAndFailedRowsAreCountedWithTheirReasonsNeverMixedIn() {
        List<TimelineRow> rows = new ArrayList<>(new SyntheticRun(5).rows());
        TimelineRow any = rows.stream().filter(r -> r.mode().equals("cold") && r.oneWayMs() == 0 && r.protocol().equals("http"))
                .findFirst().orElseThrow();
        rows.add(copy(any, TimelineRow.Status.excluded, "found a warm instance", any.tDoneNs()));
        rows.add(copy(any, TimelineRow.Status.failed, "connect refused", null));
        rows.add(copy(any, TimelineRow.Status.ok, "", null)); // ok but no last byte: incomplete
        SummaryRow r = row(new Summarizer(SummaryOptions.DEFAULT).summarize(rows), Protocol.HTTP, 0, Mode.COLD);
        assertThat(r.n()).isEqualTo(12);
        assertThat(r.excluded()).isEqualTo(2);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.exclusionReasons()).isEqualTo(
                "excluded: found a warm instance ×1; excluded: incomplete client timeline ×1; failed: connect refused ×1");
    }

    @Test
    void breakEvenIsFoundWhereTheModelPutsIt() {
        // http syn-port, I ≈ 415 ms → L* ≈ 207 ms; tolerance max(5, 0.05 I) ≈ 21 ms → within at ≈ 197 ms
        RunSummary s = new Summarizer(SummaryOptions.DEFAULT).summarize(new SyntheticRun(6).protocols(Protocol.HTTP)
                .oneWays(0.0, 50.0, 100.0, 150.0, 200.0, 250.0).modes(Mode.COLD, Mode.SYN_PORT, Mode.WARM).rows());
        BreakEven b = s.breakEvens().stream().filter(x -> x.mode().equals("syn-port")).findFirst().orElseThrow();
        assertThat(b.predictedMs()).isCloseTo(b.coldPathMs() / 2, within(1e-9));
        assertThat(b.observedMs()).isNotNull();
        assertThat(b.observedMs()).isCloseTo(b.predictedWithinToleranceMs(), within(15.0));
    }

    private static TimelineRow copy(TimelineRow r, TimelineRow.Status status, String reason, Long done) {
        return new TimelineRow(r.runId(), r.cellId(), 99, r.function(), r.initMs(), r.oneWayMs(), r.jitterMs(),
                r.lossPct(), r.protocol(), r.mode(), status, reason, r.tConnectStartNs(), r.tConnectDoneNs(),
                r.tTlsDoneNs(), r.tRequestSentNs(), r.tFirstByteNs(), done, r.tSynHookNs(), r.tTriggerNs(),
                r.tCreateIssuedNs(), r.tCreateReturnedNs(), r.tStartIssuedNs(), r.tStartReturnedNs(), r.tReadyNs(),
                r.tRequestAtGatewayNs(), r.tForwardedNs(), r.tResponseAtGatewayNs(), r.fnInitMs(), r.instanceState());
    }
}
