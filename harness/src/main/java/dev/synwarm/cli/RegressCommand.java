package dev.synwarm.cli;

import dev.synwarm.regress.Baseline;
import dev.synwarm.regress.RegressionChecks;
import dev.synwarm.regress.Verdict;
import dev.synwarm.report.Report;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code synwarm regress}: the CI check that the speed-up did not regress. Exit 0 when every check
 * passes, 1 with one line per failing check otherwise.
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = "Run scenarios/quick.yaml (or take --run DIR) and check it against the speed-up targets and the "
                + "baseline (exit 1 and one line per failure).")
final class RegressCommand implements Callable<Integer>, CreatesResources {
    static final Path QUICK = Path.of("scenarios", "quick.yaml");

    @Option(names = "--baseline", paramLabel = "DIR", description = "baseline directory (default: results/baseline in the repository)")
    Path baseline;

    @Option(names = "--run", paramLabel = "DIR", description = "a finished run directory to check (default: run "
            + "scenarios/quick.yaml now, into a new directory under results/quick/)")
    Path run;

    @Option(names = "--update-baseline", description = "replace the baseline with this run's summary (deliberately)")
    boolean updateBaseline;

    @Override
    public Integer call() {
        Path repo = Options.repo();
        Path baseDir = baseline != null ? baseline : repo.resolve(Baseline.DEFAULT_DIR);
        if (run == null) {
            run = ScenarioRuns.measure(List.of(repo.resolve(QUICK)), repo).getFirst();
        }
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
            Baseline.update(baseDir, r.summary(), run.toAbsolutePath().startsWith(repo) ? repo.relativize(run.toAbsolutePath()) : run);
            System.out.println("baseline updated: " + baseDir);
        }
        return Main.EXIT_OK;
    }
}
