package dev.synwarm.cli;

import dev.synwarm.report.Reproduce;
import dev.synwarm.sys.UsageException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synwarm reproduce}: the paper's figures, numbers and PDF from measured runs. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Run the paper's scenarios (or scenarios/quick.yaml with --quick, or take --run DIRs), then write "
                + "paper/figures, paper/generated/numbers.tex and paper/paper.pdf from the measured runs.")
final class ReproduceCommand implements Callable<Integer>, CreatesResources {
    /** The scenarios whose runs the paper's figures and numbers come from, in the order they run. */
    static final List<Path> PAPER_SCENARIOS = java.util.stream.Stream.of("fig1-e2e-vs-oneway", "fig2-normalised-saving",
            "fig3-speedup", "fig4-waterfall", "fig5-cdf", "fig6-heatmap", "break-even")
            .map(n -> Path.of("scenarios", n + ".yaml")).toList();

    @Option(names = "--run", paramLabel = "DIR", description = "a finished run directory (repeatable; samples are pooled)")
    List<Path> runs = List.of();

    @Option(names = "--quick", description = "run scenarios/quick.yaml (about 2 minutes) instead of the paper's scenarios")
    boolean quick;

    @Option(names = "--paper", paramLabel = "DIR", description = "paper directory (default: paper/ in the repository)")
    Path paper;

    @Override
    public Integer call() {
        if (quick && !runs.isEmpty()) {
            throw new UsageException("--quick runs the CI-sized scenario itself; it cannot be combined with --run");
        }
        Path repo = Options.repo();
        Path paperDir = paper != null ? paper : repo.resolve("paper");
        if (!java.nio.file.Files.isRegularFile(paperDir.resolve("paper.tex"))) {
            throw new UsageException(paperDir + ": no paper.tex here"); // before any run, not after
        }
        if (runs.isEmpty()) {
            List<Path> scenarios = quick ? List.of(RegressCommand.QUICK) : PAPER_SCENARIOS;
            runs = ScenarioRuns.measure(scenarios.stream().map(repo::resolve).toList(), repo);
        }
        Reproduce.Result r = Reproduce.fromRuns(runs, paperDir);
        ReportCommand.printFigures(r.figures());
        System.out.println("numbers: " + r.numbers());
        System.out.println("paper: " + r.pdf().map(Path::toString).orElse("not built") + " (" + r.pdfNote() + ")");
        return Main.EXIT_OK;
    }
}
