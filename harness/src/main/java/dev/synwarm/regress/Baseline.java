package dev.synwarm.regress;

import dev.synwarm.stats.RunSummary;
import dev.synwarm.stats.SummaryFiles;
import dev.synwarm.sys.AtomicFile;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The regression baseline: a run's summary (never its raw samples) kept under {@code results/baseline/}.
 * Replacing it is a deliberate act ({@code regress --update-baseline}); {@code SOURCE} says which run it is.
 */
public final class Baseline {
    public static final Path DEFAULT_DIR = Path.of("results", "baseline");
    public static final String SOURCE = "SOURCE";

    private Baseline() {}

    /** The baseline summary in {@code dir}, or empty when there is none yet; a broken one is an input error. */
    public static Optional<RunSummary> load(Path dir) {
        Path json = dir.resolve(SummaryFiles.JSON);
        return Files.exists(json) ? Optional.of(SummaryFiles.readJson(json)) : Optional.empty();
    }

    public static void update(Path dir, RunSummary summary, Path fromRun) {
        try {
            Files.createDirectories(dir);
            SummaryFiles.write(dir, summary);
            AtomicFile.writeString(dir.resolve(SOURCE), "run " + summary.runId() + " from " + fromRun + "\n");
        } catch (IOException e) {
            throw new SystemException("cannot update the baseline in " + dir + ": " + e.getMessage(), e);
        }
    }
}
