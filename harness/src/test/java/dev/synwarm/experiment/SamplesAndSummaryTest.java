package dev.synwarm.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.client.ClientResult;
import dev.synwarm.gateway.EdgeRecord;
import dev.synwarm.gateway.InstanceFound;
import dev.synwarm.gateway.ListenerRole;
import dev.synwarm.gateway.StartTimes;
import dev.synwarm.gateway.SynSeen;
import dev.synwarm.gateway.Trigger;
import dev.synwarm.gateway.TriggerKind;
import dev.synwarm.measure.TimelineRow.Status;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.scenario.Cell;
import dev.synwarm.scenario.ContainerNetwork;
import dev.synwarm.scenario.Link;
import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
import dev.synwarm.stats.RunSummary;
import dev.synwarm.stats.Summarizer;
import dev.synwarm.stats.SummaryOptions;
import dev.synwarm.stats.SummaryRow;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesAndSummaryTest {
    private static final String CONN = "10.77.1.1:40000";

    private static Cell cell(String id, Mode mode) {
        return new Cell(id, "fn-static", Duration.ofMillis(150), Duration.ZERO, Link.ofOneWay(Duration.ofMillis(60)),
                Protocol.HTTP, mode, ContainerNetwork.BRIDGE);
    }

    private static ClientResult client(long start, long e2eMs) {
        return new ClientResult("x", 200, 40000, null, start, start + 120_000_000L, null, start + 120_100_000L,
                start + e2eMs * 1_000_000L - 100, start + e2eMs * 1_000_000L, 3, "");
    }

    private static EdgeRecord edge(Mode mode, InstanceFound found, Trigger startedBy, SynSeen syn) {
        return new EdgeRecord("x", "fn-static", CONN, ListenerRole.FUNCTION, false, mode, 1_000, null, null, 180_000_000L,
                600_000_000L, 600_100_000L, 600_200_000L, syn, found, startedBy,
                new StartTimes(61_000_000L, 70_000_000L, 70_100_000L, 200_000_000L, 599_000_000L), 150.2, 200, "");
    }

    @Test
    void aPrewarmedRequestCarriesItsTriggerAndStartOnTheTimeline() throws Exception {
        SynSeen syn = new SynSeen(1, TriggerKind.SYN_PORT, InetAddress.getByName("10.77.1.1"), 40000, 18000, 60_000_000L, 60_200_000L);
        Trigger t = new Trigger(TriggerKind.SYN_PORT, 60_000_000L, 60_300_000L, CONN);
        TimelineRow r = Samples.row("abcd", cell("c001", Mode.SYN_PORT), 0, client(0, 660),
                edge(Mode.SYN_PORT, InstanceFound.STARTING, t, syn));
        assertThat(r.status()).isEqualTo(Status.ok);
        assertThat(r.tSynHookNs()).isEqualTo(60_000_000L);
        assertThat(r.tTriggerNs()).isEqualTo(60_300_000L);
        assertThat(r.tReadyNs()).isEqualTo(599_000_000L);
        assertThat(r.instanceState()).isEqualTo("starting/syn-port");
        assertThat(r.fnInitMs()).isEqualTo(150.2);
        assertThat(r.e2eMs()).isEqualTo(660.0);
    }

    @Test
    void aWarmInstanceStartedEarlierIsNotPartOfTheRequestsTimeline() {
        Trigger warm = new Trigger(TriggerKind.WARM, 1, 2, null);
        TimelineRow r = Samples.row("abcd", cell("c002", Mode.WARM), 1, client(0, 250), edge(Mode.WARM, InstanceFound.READY, warm, null));
        assertThat(r.status()).isEqualTo(Status.ok);
        assertThat(r.tTriggerNs()).isNull();
        assertThat(r.tCreateIssuedNs()).isNull();
        assertThat(r.instanceState()).isEqualTo("ready/warm");
    }

    @Test
    void warmUpsAreExcludedAndFailuresSayWhy() {
        Trigger req = new Trigger(TriggerKind.REQUEST, 180_000_000L, 180_000_000L, CONN);
        TimelineRow warmUp = Samples.row("abcd", cell("c003", Mode.COLD), -1, client(0, 700), edge(Mode.COLD, InstanceFound.NONE, req, null));
        assertThat(warmUp.status()).isEqualTo(Status.excluded);
        assertThat(warmUp.reason()).isEqualTo(Samples.WARM_UP);
        ClientResult broken = new ClientResult("x", 0, 0, null, 1L, null, null, null, null, null, 0,
                "java.net.SocketTimeoutException: Read timed out");
        TimelineRow failed = Samples.row("abcd", cell("c003", Mode.COLD), 2, broken, null);
        assertThat(failed.status()).isEqualTo(Status.failed);
        assertThat(failed.reason()).isEqualTo("client: java.net.SocketTimeoutException: Read timed out");
        TimelineRow noEdge = Samples.row("abcd", cell("c003", Mode.COLD), 2, client(0, 700), null);
        assertThat(noEdge.reason()).isEqualTo("gateway has no record of the request");
    }

    @Test
    void theRunsSummaryCountsPerCellAndTakesMediansOfCountedSamplesOnly() {
        Cell cold = cell("c001", Mode.COLD);
        Cell syn = cell("c002", Mode.SYN_PORT);
        Trigger req = new Trigger(TriggerKind.REQUEST, 0, 0, CONN);
        List<TimelineRow> rows = new ArrayList<>();
        rows.add(Samples.row("abcd", cold, -1, client(0, 9_999), edge(Mode.COLD, InstanceFound.NONE, req, null)));
        for (long ms : new long[] {600, 700, 650}) {
            rows.add(Samples.row("abcd", cold, rows.size(), client(0, ms), edge(Mode.COLD, InstanceFound.NONE, req, null)));
        }
        rows.add(Samples.row("abcd", syn, 0, client(0, 500), edge(Mode.SYN_PORT, InstanceFound.NONE, req, null)));
        RunSummary s = new Summarizer(SummaryOptions.DEFAULT).summarize(rows);
        assertThat(s.rows()).extracting(SummaryRow::mode).containsExactly("cold", "syn-port");
        SummaryRow c = s.rows().get(0);
        assertThat(c.n()).isEqualTo(3);
        assertThat(c.excluded()).as("the warm-up").isEqualTo(1);
        assertThat(c.medianMs()).isEqualTo(650.0);
        SummaryRow p = s.rows().get(1);
        assertThat(p.n()).isZero();
        assertThat(p.excluded()).as("no SYN event: excluded").isEqualTo(1);
        assertThat(p.exclusionReasons()).contains("trigger never fired");
        assertThat(p.medianMs()).isNull();
        assertThat(LinkCalibrations.of(rows)).singleElement().satisfies(k -> {
            assertThat(k.expectedRttMs()).isEqualTo(120.0);
            assertThat(k.connectP50Ms()).isEqualTo(120.0);
        });
    }
}
