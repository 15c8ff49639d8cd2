package dev.synwarm.cli;

import dev.synwarm.bpf.AttachMode;
import dev.synwarm.experiment.Runner;
import dev.synwarm.experiment.StopSignal;
import dev.synwarm.report.SummaryTable;
import dev.synwarm.scenario.Scenario;
import dev.synwarm.scenario.ScenarioReader;
import dev.synwarm.sys.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Run a scenario: every cell and mode, samples.csv + run.json + summary.csv "
        + "under results/<scenario>/<time>-<commit>/, then print median E2E per cell and mode. Ctrl-C stops after "
        + "the current request and keeps what was measured (run.json: complete=false); --resume completes it.")
public final class RunCommand implements Callable<Integer>, CreatesResources {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "scenario YAML, e.g. scenarios/quick.yaml")
    Path scenario;

    @Option(names = "--resume", paramLabel = "RUN-DIR", description = "complete an interrupted run: measure the "
            + "repetitions its samples.csv lacks and append them (instead of SCENARIO)")
    Path resume;

    @Option(names = "--out", paramLabel = "DIR", description = "results root (default: results/ in the repository)")
    Path out;

    @Option(names = "--hook", paramLabel = "xdp|tc", description = "where the SYN probe attaches (default: xdp)")
    String hook = "xdp";

    @Option(names = "--client-warmups", paramLabel = "N", description = "loopback requests that warm the client's JIT (default: 300)")
    int warmups = 300;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "per-request timeout (default: 30s)")
    Duration timeout = Duration.ofSeconds(30);

    @Option(names = "--no-probe", description = "leave the SYN probe off: a control run in which the "
            + "syn modes get no trigger (regress must fail on it)")
    boolean noProbe;

    @Override
    public Integer call() {
        if ((scenario == null) == (resume == null)) {
            throw new UsageException(scenario == null ? "run: give a SCENARIO file or --resume RUN-DIR"
                    : "run: give either SCENARIO (" + scenario + ") or --resume (" + resume + "), not both");
        }
        if (warmups < 0) {
            throw new UsageException("--client-warmups: must not be negative: " + warmups);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new UsageException("--timeout: must be above zero: " + timeout);
        }
        AttachMode attach = Options.hook(hook);
        Scenario s = scenario == null ? null : ScenarioReader.read(scenario);
        Path repo = Options.repo();
        Runner.Options options = new Runner.Options(out == null ? repo.resolve("results") : out, repo, attach, warmups,
                timeout, !noProbe);
        Runner.Outcome outcome;
        try (StopSignal stop = StopSignal.install()) {
            outcome = s != null ? Runner.run(s, options, stop) : Runner.resume(resume, options, stop);
        }
        System.out.print(SummaryTable.format(outcome.summary()));
        System.out.println("results: " + outcome.dir());
        if (!outcome.manifest().complete()) {
            System.err.println("synwarm: run incomplete (" + outcome.manifest().stoppedBecause() + "); "
                    + outcome.manifest().samples() + " samples kept in " + outcome.dir() + "; ./synwarm run --resume "
                    + outcome.dir() + " measures the rest");
            return Main.EXIT_FAILED;
        }
        return Main.EXIT_OK;
    }
}
