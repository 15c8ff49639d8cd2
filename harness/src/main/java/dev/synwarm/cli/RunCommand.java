package dev.synwarm.cli;

import dev.synwarm.bpf.AttachMode;
import dev.synwarm.experiment.Runner;
import dev.synwarm.experiment.StopSignal;
import dev.synwarm.report.SummaryTable;
import dev.synwarm.scenario.Scenario;
import dev.synwarm.scenario.ScenarioReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Run a scenario: every cell and mode, samples.csv + run.json + summary.csv "
        + "under results/<scenario>/<time>-<commit>/, then print median E2E per cell and mode. Ctrl-C stops after "
        + "the current request and keeps what was measured (run.json: complete=false).")
public final class RunCommand implements Callable<Integer>, CreatesResources {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario YAML, e.g. scenarios/quick.yaml")
    Path scenario;

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
        Scenario s = ScenarioReader.read(scenario);
        AttachMode attach = Options.hook(hook);
        Path repo = Options.repo();
        Runner.Outcome outcome;
        try (StopSignal stop = StopSignal.install()) {
            outcome = Runner.run(s, new Runner.Options(out == null ? repo.resolve("results") : out, repo, attach,
                    warmups, timeout, !noProbe), stop);
        }
        System.out.print(SummaryTable.format(outcome.summary()));
        System.out.println("results: " + outcome.dir());
        if (!outcome.manifest().complete()) {
            System.err.println("synwarm: run incomplete (" + outcome.manifest().stoppedBecause() + "); "
                    + outcome.manifest().samples() + " samples kept in " + outcome.dir());
            return Main.EXIT_FAILED;
        }
        return Main.EXIT_OK;
    }
}
