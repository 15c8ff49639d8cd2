package dev.synwarm.cli;

import dev.synwarm.regress.Baseline;
import dev.synwarm.regress.RegressionChecks;
import dev.synwarm.regress.Verdict;
import dev.synwarm.report.Report;
import dev.synwarm.sys.UsageException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code synwarm regress}: the CI check that the speed-up did not regress. Exit 0 when every check
 * passes, 1 with one line per failing check otherwise.
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = "Check a run against the speed-up targets and the baseline (exit 1 and one line per failure).")
final class RegressCommand implements Callable<Integer> {
    @Option(names = "--baseline", paramLabel = "DIR", description = "baseline directory (default: results/baseline in the repository)")
    Path baseline;

    @Option(names = "--run", paramLabel = "DIR", description = "a finished run directory to check")
    Path run;

    @Option(names = "--update-baseline", description = "replace the baseline with this run's summary (deliberately)")
    boolean updateBaseline;

    @Override
    public Integer call() {
        if (run == null) {
            throw new UsageException("--run DIR is required: running scenarios/quick.yaml needs the experiment runner, "
                    + "which this build does not include yet");
        }
        Path baseDir = baseline != null ? baseline : Path.of(System.getProperty("synwarm.repo", ".")).resolve(Baseline.DEFAULT_DIR);
        Report.Result r = Report.summarise(run);
        Verdict v = RegressionChecks.check(r.summary(), updateBaseline ? Optional.empty() : Baseline.load(baseDir));
        v.notes().forEach(n -> System.out.println("note: " + n));
        if (!v.passed()) {
            v.failures().forEach(f -> System.err.println("FAIL " + f));
            System.err.println("regress: " + v.failures().size() + " of " + v.checks() + " checks failed for " + run);
            return Main.EXIT_FAILED;
        }
        System.out.println("regress: all " + v.checks() + " checks passed for " + run);
        if (updateBaseline) {
            Baseline.update(baseDir, r.summary(), run);
            System.out.println("baseline updated: " + baseDir);
        }
        return Main.EXIT_OK;
    }
}
