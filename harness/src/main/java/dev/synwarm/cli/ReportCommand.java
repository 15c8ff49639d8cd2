package dev.synwarm.cli;

import dev.synwarm.plot.FigureOutcome;
import dev.synwarm.report.Report;
import dev.synwarm.report.SummaryTable;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code synwarm report <run-dir>}: summary files and figures from samples.csv alone, and a table. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild summary.csv/json and figures/ of a run directory from its samples.csv and print the summary.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN-DIR", description = "a run directory holding samples.csv")
    Path runDir;

    @Override
    public Integer call() {
        Report.Result r = Report.build(runDir);
        System.out.print(SummaryTable.format(r.summary()));
        System.out.println("summary: " + runDir.resolve("summary.csv") + ", " + runDir.resolve("summary.json"));
        printFigures(r.figures());
        return Main.EXIT_OK;
    }

    static void printFigures(java.util.List<FigureOutcome> figures) {
        for (FigureOutcome f : figures) {
            if (f.isDrawn()) {
                System.out.println("figure " + f.name() + ": " + f.files().get(0) + " (+ .svg) — " + f.note());
            } else {
                System.out.println("figure " + f.name() + ": skipped, " + f.skippedBecause());
            }
        }
    }
}
