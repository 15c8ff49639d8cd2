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
        description = "Write paper/figures, paper/generated/numbers.tex and paper/paper.pdf from measured runs.")
final class ReproduceCommand implements Callable<Integer> {
    @Option(names = "--run", paramLabel = "DIR", description = "a finished run directory (repeatable; samples are pooled)")
    List<Path> runs = List.of();

    @Option(names = "--quick", description = "run the CI-sized scenario instead of the paper's (needs the experiment runner)")
    boolean quick;

    @Option(names = "--paper", paramLabel = "DIR", description = "paper directory (default: paper/ in the repository)")
    Path paper;

    @Override
    public Integer call() {
        if (quick && !runs.isEmpty()) {
            throw new UsageException("--quick runs the CI-sized scenario itself; it cannot be combined with --run");
        }
        if (runs.isEmpty()) {
            throw new UsageException("--run DIR is required: running the paper's scenarios" + (quick ? " (--quick)" : "")
                    + " needs the experiment runner, which this build does not include yet");
        }
        Path paperDir = paper != null ? paper : Path.of(System.getProperty("synwarm.repo", ".")).resolve("paper");
        Reproduce.Result r = Reproduce.fromRuns(runs, paperDir);
        ReportCommand.printFigures(r.figures());
        System.out.println("numbers: " + r.numbers());
        System.out.println("paper: " + r.pdf().map(Path::toString).orElse("not built") + " (" + r.pdfNote() + ")");
        return Main.EXIT_OK;
    }
}
