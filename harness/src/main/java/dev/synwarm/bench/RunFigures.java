package dev.synwarm.bench;

import dev.synwarm.bpf.AttachMode;
import dev.synwarm.experiment.Runner;
import dev.synwarm.experiment.StopSignal;
import dev.synwarm.measure.SamplesCsv;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.runtime.DockerRuntime;
import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Scenario;
import dev.synwarm.scenario.ScenarioReader;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.SystemException;
import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A real scenario through the experiment runner ({@code scenarios/quick.yaml} with --quick, else
 * {@code break-even.yaml}), its run kept under {@code <bench dir>/runs/}. From its samples.csv: the SYN
 * trigger's path on the edge (SYN at the hook → trigger handled by the gateway → container create request
 * issued) for requests whose instance their own SYN started, and the run's wall time against the sum of
 * its requests' end-to-end times.
 */
final class RunFigures implements EndToEnd {
    private static final int CLIENT_WARMUPS = 300;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public Measured measure(Context ctx) throws Unavailable {
        Path file = ctx.repo().resolve("scenarios").resolve(ctx.quick() ? "quick.yaml" : "break-even.yaml");
        Scenario scenario = ScenarioReader.read(file);
        requireImages(scenario);
        ctx.progress().printf("  scenario %s (%d requests), runner progress on stderr%n", file.getFileName(),
                scenario.totalRequests());
        ctx.progress().flush();
        long start = System.nanoTime();
        Runner.Outcome outcome;
        try (StopSignal stop = StopSignal.install()) {
            outcome = Runner.run(scenario, new Runner.Options(ctx.dir().resolve("runs"), ctx.repo(), AttachMode.XDP,
                    CLIENT_WARMUPS, REQUEST_TIMEOUT, true), stop);
        }
        long wallNs = System.nanoTime() - start;
        if (!outcome.manifest().complete()) {
            throw new SystemException("the " + scenario.name() + " run did not complete: " + outcome.manifest().stoppedBecause());
        }
        List<TimelineRow> rows;
        try {
            rows = SamplesCsv.read(outcome.dir().resolve(SamplesCsv.FILE));
        } catch (IOException e) {
            throw new SystemException("cannot read the run's samples: " + e.getMessage(), e);
        }
        return new Measured(synFigures(rows, scenario.name()), List.of(wallTime(scenario.name(), rows, wallNs)));
    }

    /** Every function image the scenario starts must exist: otherwise "not measured", before anything runs. */
    private static void requireImages(Scenario s) throws Unavailable {
        try (Resources res = Resources.open(); DockerRuntime runtime = DockerRuntime.open(res)) {
            for (var cell : s.cells()) {
                runtime.requireImage(cell.function());
            }
        } catch (UsageException e) {
            throw new Unavailable(e.getMessage());
        }
    }

    /** SYN-triggered requests whose instance their own trigger started (tTriggerNs is set only then). */
    static List<EndToEndFigure> synFigures(List<TimelineRow> rows, String scenario) {
        List<TimelineRow> own = rows.stream()
                .filter(r -> r.status() == TimelineRow.Status.ok && Mode.of(r.mode()).map(Mode::synTriggered).orElse(false))
                .filter(r -> r.tSynHookNs() != null && r.tTriggerNs() != null && r.tCreateIssuedNs() != null)
                .toList();
        if (own.isEmpty()) {
            throw new SystemException("the " + scenario + " run has no SYN-triggered start to measure");
        }
        String how = "experiment runner, " + scenario + ".yaml, syn-port and syn-option requests started by their own SYN";
        return List.of(
                figure("SYN at the hook → gateway trigger handled", how, own, r -> r.tTriggerNs() - r.tSynHookNs()),
                figure("SYN at the hook → container create request issued", how, own, r -> r.tCreateIssuedNs() - r.tSynHookNs()));
    }

    private static EndToEndFigure figure(String name, String how, List<TimelineRow> rows, ToLongFunction<TimelineRow> f) {
        long[] ns = rows.stream().mapToLong(f).toArray();
        return EndToEndFigure.of(name, how, ns.length, Percentiles.nearestRank(ns, 50), Percentiles.nearestRank(ns, 99));
    }

    static WallTime wallTime(String scenario, List<TimelineRow> rows, long wallNs) {
        List<Long> e2e = new ArrayList<>();
        for (TimelineRow r : rows) {
            if (r.tConnectStartNs() != null && r.tDoneNs() != null) {
                e2e.add(r.tDoneNs() - r.tConnectStartNs());
            }
        }
        return new WallTime(scenario + ".yaml", e2e.size(), wallNs, e2e.stream().mapToLong(Long::longValue).sum());
    }
}
