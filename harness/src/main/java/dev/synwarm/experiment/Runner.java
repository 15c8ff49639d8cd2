package dev.synwarm.experiment;

import dev.synwarm.bpf.AttachMode;
import dev.synwarm.client.ClientJob;
import dev.synwarm.client.ClientProcess;
import dev.synwarm.client.ClientResult;
import dev.synwarm.gateway.EdgeRecord;
import dev.synwarm.gateway.Gateway;
import dev.synwarm.gateway.LaunchSpec;
import dev.synwarm.gateway.PrewarmLimits;
import dev.synwarm.measure.Environment;
import dev.synwarm.measure.Json;
import dev.synwarm.measure.ResultsDir;
import dev.synwarm.measure.RunManifest;
import dev.synwarm.measure.SampleStore;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.runtime.DockerDaemon;
import dev.synwarm.scenario.Cell;
import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Scenario;
import dev.synwarm.stats.RunSummary;
import dev.synwarm.stats.Summarizer;
import dev.synwarm.stats.SummaryFiles;
import dev.synwarm.stats.SummaryOptions;
import dev.synwarm.sys.AtomicFile;
import dev.synwarm.sys.KillPoint;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.RunId;
import dev.synwarm.sys.SystemException;
import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs a scenario: prepare the testbed, then per request in {@link RepetitionOrder} (the modes of a
 * condition taking turns) scale to zero (or warm up), make one client request, and append its timeline
 * row; finally summarise. samples.csv and run.json are rewritten after every round, so a killed run still says how
 * far it got, and {@link #resume} measures what it lacks.
 */
public final class Runner {
    /**
     * @param resultsRoot where {@code <scenario>/<stamp>-<sha>/} is created
     * @param probe false runs without the SYN probe (see {@link Edge.Options#probe()})
     */
    public record Options(Path resultsRoot, Path repo, AttachMode hook, int clientWarmups, Duration requestTimeout,
            boolean probe) {
        /** The defaults {@code run} uses: XDP hook, 300 client warm-ups, 30 s per request, probe on. */
        public static Options defaults(Path resultsRoot, Path repo) {
            return new Options(resultsRoot, repo, AttachMode.XDP, 300, Duration.ofSeconds(30), true);
        }
    }

    /** What a run produced; {@code summary} is what summary.csv/json hold. */
    public record Outcome(Path dir, RunManifest manifest, RunSummary summary) {}

    private static final Duration EDGE_RECORD_WAIT = Duration.ofSeconds(5);
    private static final int GATEWAY_WARMUPS = 300;

    private Runner() {}

    public static Outcome run(Scenario scenario, Options o, StopSignal stop) {
        return measure(scenario, o, stop, null);
    }

    /**
     * Completes the interrupted run in {@code dir}: the repetitions samples.csv lacks are measured (in the
     * scenario's order) and appended; run.json names this process in {@code resumedBy}.
     */
    public static Outcome resume(Path dir, Options o, StopSignal stop) {
        PartialRun partial = PartialRun.open(dir);
        return measure(partial.scenario(), o, stop, partial);
    }

    private static Outcome measure(Scenario scenario, Options o, StopSignal stop, PartialRun partial) {
        try (Resources res = Resources.open()) {
            RunId id = res.runId();
            EdgeRecords records = new EdgeRecords();
            Edge edge = Edge.prepare(new Edge.Options(functions(scenario), o.hook(), 0, PrewarmLimits.EXPERIMENT,
                    o.probe()), records, res);
            edge.warmGateway(GATEWAY_WARMUPS);
            ClientProcess client = edge.startClient(o.clientWarmups());
            RunManifest.Software sw = Environment.software(o.repo(), edge.dockerVersion());
            Path dir;
            RunManifest manifest;
            Set<String> done = Set.of();
            int before = 0;
            if (partial == null) {
                // the results directory appears only once the testbed stands: a failed set-up leaves nothing
                Instant start = Instant.now();
                dir = ResultsDir.create(o.resultsRoot(), scenario.name(), start, Environment.shortSha(sw));
                keepScenario(scenario, dir);
                manifest = new RunManifest(id.value(), scenario, sw, Environment.machine(), "", List.of(), start, null, 0,
                        false, "running", List.of());
            } else {
                dir = partial.dir();
                if (!partial.gitCommit().equals(sw.gitCommit())) {
                    throw new UsageException(dir.resolve(ResultsDir.MANIFEST) + ": software.gitCommit " + partial.gitCommit()
                            + " is not the checkout's " + sw.gitCommit() + "; resuming would mix code versions");
                }
                before = partial.rows().size();
                done = partial.done();
                List<String> earlier = partial.processes().subList(1, partial.processes().size());
                List<String> resumedBy = new ArrayList<>(earlier);
                resumedBy.add(id.value());
                manifest = new RunManifest(partial.processes().getFirst(), scenario, sw, Environment.machine(), "",
                        LinkCalibrations.of(partial.rows()), partial.started(), null, before, false, "running", resumedBy);
            }
            writeManifest(dir, manifest);
            KillPoint.reached("results.created", id);
            String stoppedBecause = "";
            SampleStore store;
            try {
                store = SampleStore.open(dir, id);
            } catch (IOException e) {
                throw new SystemException("cannot open the samples of " + dir + ": " + e.getMessage(), e);
            }
            try (ProgressBar bar = progress(scenario, before); store) {
                Cell current = null;
                int condition = 0;
                int round = Integer.MIN_VALUE;
                for (RepetitionOrder.Step step : RepetitionOrder.of(scenario)) {
                    Cell cell = step.cell();
                    int rep = step.rep();
                    if (done.contains(PartialRun.key(cell.id(), rep))) {
                        continue;
                    }
                    if (stop.requested()) {
                        stoppedBecause = "stopped by Ctrl-C";
                        break;
                    }
                    if (step.condition() != condition || step.rep() != round) {
                        // a round (every mode of a condition once) is done: samples.csv takes its rows whole,
                        // run.json says how far the run got
                        if (store.size() > 0) {
                            store.checkpoint();
                            List<TimelineRow> rows = store.rows();
                            manifest = manifest.with(null, rows.size(), false, "running", LinkCalibrations.of(rows));
                            writeManifest(dir, manifest);
                        }
                        condition = step.condition();
                        round = step.rep();
                    }
                    if (!cell.equals(current)) {
                        manifest = manifest.withEmulator(edge.useLink(cell.link(), scenario.emulator()));
                        edge.use(spec(cell), cell.mode());
                        current = cell;
                    }
                    bar.setExtraMessage(cell.id() + " " + cell.label() + (rep < 0 ? " warm-up" : " rep " + (rep + 1)));
                    TimelineRow row = once(edge, client, records, res, cell, rep, o.requestTimeout());
                    if (stop.requested() && row.status() == TimelineRow.Status.failed) {
                        stoppedBecause = "stopped by Ctrl-C";
                        break; // the client died with the Ctrl-C: not a measurement
                    }
                    store.add(row);
                    bar.step();
                    KillPoint.reached("sample." + store.size(), id);
                }
                store.checkpoint();
                List<TimelineRow> rows = store.rows();
                manifest = manifest.with(null, rows.size(), false, "running", LinkCalibrations.of(rows));
                writeManifest(dir, manifest);
            } catch (IOException e) {
                stoppedBecause = "cannot write samples: " + e.getMessage();
            } catch (RuntimeException e) {
                stoppedBecause = "failed: " + e.getMessage();
                List<TimelineRow> rows = store.rows();
                writeManifest(dir, manifest.with(Instant.now(), rows.size(), false, stoppedBecause, LinkCalibrations.of(rows)));
                throw e;
            } finally {
                client.close();
            }
            List<TimelineRow> rows = store.rows();
            KillPoint.reached("summary", id);
            // the same process step report runs on samples.csv later: one summary format, whoever writes it
            RunSummary summary = new Summarizer(SummaryOptions.DEFAULT).summarize(rows);
            try {
                SummaryFiles.write(dir, summary);
            } catch (IOException e) {
                throw new SystemException("cannot write the summary into " + dir + ": " + e.getMessage(), e);
            }
            manifest = manifest.with(Instant.now(), rows.size(), stoppedBecause.isEmpty(), stoppedBecause,
                    LinkCalibrations.of(rows));
            writeManifest(dir, manifest);
            return new Outcome(dir, manifest, summary);
        }
    }

    /** Copies the scenario file into the run directory: what {@code --resume} re-reads. */
    private static void keepScenario(Scenario s, Path dir) {
        Path source = Path.of(s.source());
        if (!Files.isRegularFile(source)) {
            return; // parsed from text (tests): such a run cannot be resumed, and PartialRun says so
        }
        try {
            AtomicFile.write(dir.resolve(PartialRun.SCENARIO_COPY), Files.readAllBytes(source));
        } catch (IOException e) {
            throw new SystemException("cannot copy " + source + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** One repetition: the instance state the mode needs, the request, the joined row. */
    static TimelineRow once(Edge edge, ClientProcess client, EdgeRecords records, Resources res, Cell cell, int rep,
            Duration timeout) {
        Gateway g = edge.gateway();
        boolean tls = cell.protocol().tls();
        String id = res.runId().value() + "-" + cell.id() + "-r" + rep;
        DockerDaemon.State docker = edge.awaitDocker();
        TimelineRow row;
        if (cell.mode() == Mode.WARM) {
            try {
                g.warm(cell.function());
            } catch (SystemException e) { // the daemon restarting, the image gone: this repetition fails, the run goes on
                ClientResult none = new ClientResult(id, 0, 0, null, null, null, null, null, null, null, 0,
                        "warm instance did not start: " + e.getMessage());
                return blameDocker(Samples.row(res.runId().value(), cell, rep, none, null), edge, docker);
            }
        } else {
            g.scaleToZero(cell.function());
        }
        ClientJob job = new ClientJob(id, edge.edgeAddress().getHostAddress(), g.portFor(cell.function(), cell.mode(), tls),
                cell.protocol().label(), tls ? cell.function() : null, cell.function(), "/", timeout.toMillis());
        ClientResult r = client.request(job);
        EdgeRecord e = records.take(id, EDGE_RECORD_WAIT);
        return blameDocker(Samples.row(res.runId().value(), cell, rep, r, e), edge, docker);
    }

    /**
     * A failed repetition during which the Docker daemon stopped or restarted (its containers stopped with
     * it) says so: the client and gateway only see a refused or dropped connection.
     */
    private static TimelineRow blameDocker(TimelineRow row, Edge edge, DockerDaemon.State before) {
        if (row.status() != TimelineRow.Status.failed) {
            return row;
        }
        return edge.dockerLostSince(before).filter(why -> !row.reason().contains(why))
                .map(why -> row.withReason(row.reason() + "; " + why)).orElse(row);
    }

    static LaunchSpec spec(Cell c) {
        return new LaunchSpec(c.function(), c.init(), c.exec(), c.network());
    }

    /** One launch spec per function of the scenario (its first cell's); cells redeploy as they go. */
    private static List<LaunchSpec> functions(Scenario s) {
        Map<String, LaunchSpec> first = new LinkedHashMap<>();
        s.cells().forEach(c -> first.putIfAbsent(c.function(), spec(c)));
        return List.copyOf(first.values());
    }

    private static ProgressBar progress(Scenario s, long alreadyDone) {
        return new ProgressBarBuilder().setTaskName(s.name()).setInitialMax(s.totalRequests()).startsFrom(alreadyDone, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setMaxRenderedLength(160)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
    }

    private static void writeManifest(Path dir, RunManifest m) {
        try {
            AtomicFile.write(dir.resolve(ResultsDir.MANIFEST), Json.MAPPER.writeValueAsBytes(m));
        } catch (IOException e) {
            throw new SystemException("cannot write " + dir.resolve(ResultsDir.MANIFEST) + ": " + e.getMessage(), e);
        }
    }
}
