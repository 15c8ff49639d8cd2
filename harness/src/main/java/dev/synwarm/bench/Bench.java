package dev.synwarm.bench;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.SystemException;
import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code bench} use case: the JMH suite (from the benchmarks jar) and the end-to-end figures, written
 * to {@code results/bench/<UTC>-<gitsha>/} as {@code jmh.json}, {@code jmh.log}, {@code summary.json} and
 * {@code summary.md}. The summary files are written last, so a failed run leaves no summary behind.
 */
public final class Bench {
    private static final DateTimeFormatter DIR_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private record Source(String title, EndToEnd figures) {}

    private static final List<Source> SOURCES = List.of(
            new Source("SYN at the hook → Java listener", new ProbeFigures()),
            new Source("emulated link accuracy (calibrate)", new CalibrationFigures()),
            new Source("delay line under load (ping at 1k and 50k packets/s)", new DelayLineLoadFigures()),
            new Source("harness cold start vs docker run", new ColdStartFigures()),
            new Source("gateway overhead over a direct request", new GatewayOverheadFigures()),
            new Source("scenario run (SYN at the hook → create issued; wall time vs inherent waits)", new RunFigures()));

    /**
     * @param include a JMH regex to run only some benchmarks (null: all); endToEnd false skips the figures
     * @param figures a regex on the end-to-end sources' titles to measure only some (null: all)
     */
    public record Options(boolean quick, Path repo, Path resultsRoot, String include, boolean endToEnd, String figures) {
        public Options {
            if (figures != null) {
                try {
                    Pattern.compile(figures);
                } catch (PatternSyntaxException e) {
                    throw new UsageException("--figures: '" + figures + "' is not a regular expression: " + e.getDescription());
                }
            }
        }

        public Options(boolean quick, Path repo, Path resultsRoot, String include, boolean endToEnd) {
            this(quick, repo, resultsRoot, include, endToEnd, null);
        }
    }

    private Bench() {}

    /** Runs everything from the benchmarks jar; returns the result directory. */
    public static Path run(Options o, PrintWriter progress) {
        requireRoot();
        Path dir = newResultDir(o);
        Path jar = BenchmarksJar.ensure(o.repo(), dir.resolve("build.log"), progress);
        return run(o, jar.toString(), dir, progress);
    }

    /** Runs with the benchmarks on {@code classPath} into {@code dir} (tests pass their own class path). */
    public static Path run(Options o, String classPath, Path dir, PrintWriter progress) {
        String commit = gitCommit(o.repo()); // what is measured: the checkout as it is now, not at the end
        JmhSettings settings = o.quick() ? JmhSettings.quick() : JmhSettings.full();
        if (o.include() != null) {
            settings = settings.including(o.include());
        }
        progress.println("JMH suite (" + (o.quick() ? "quick" : "full") + "), log " + dir.resolve(JmhRunner.LOG_FILE));
        progress.flush();
        List<JmhResult> jmh = JmhRunner.run(classPath, settings, o.repo(), dir, progress);
        List<EndToEndFigure> e2e = new ArrayList<>();
        List<WallTime> wallTimes = new ArrayList<>();
        List<BenchSummary.NotMeasured> missing = new ArrayList<>();
        if (o.endToEnd()) {
            progress.println("end-to-end figures");
            EndToEnd.Context ctx = new EndToEnd.Context(o.quick(), o.repo(), dir, progress);
            for (Source source : SOURCES) {
                if (o.figures() != null && !Pattern.compile(o.figures()).matcher(source.title()).find()) {
                    continue;
                }
                try {
                    EndToEnd.Measured m = source.figures().measure(ctx);
                    e2e.addAll(m.figures());
                    wallTimes.addAll(m.wallTimes());
                } catch (EndToEnd.Unavailable u) {
                    missing.add(new BenchSummary.NotMeasured(source.title(), u.getMessage()));
                }
            }
        } else {
            missing.add(new BenchSummary.NotMeasured("end-to-end figures", "skipped on request (--jmh-only)"));
        }
        BenchSummary summary = new BenchSummary(DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                commit, o.quick(), settings.describe(),
                Machine.describe(), jmh, e2e, wallTimes, missing);
        try {
            summary.write(dir);
            dev.synwarm.sys.AtomicFile.writeString(dir.resolve("summary.md"), SummaryMarkdown.render(summary));
        } catch (IOException e) {
            throw new SystemException("cannot write the summary in " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private static Path newResultDir(Options o) {
        Path dir = o.resultsRoot().resolve(DIR_TIME.format(Instant.now()) + "-" + shortSha(gitCommit(o.repo())));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SystemException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void requireRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new UsageException("bench loads eBPF programs and builds network namespaces: run it as root");
        }
    }

    /** {@code HEAD}'s commit, with "-dirty" when tracked files differ from it; "nogit" outside a checkout. */
    static String gitCommit(Path repo) {
        Proc.Result sha = Proc.run("git", "-C", repo.toString(), "rev-parse", "HEAD");
        if (!sha.ok()) {
            return "nogit";
        }
        Proc.Result dirty = Proc.run("git", "-C", repo.toString(), "status", "--porcelain", "--untracked-files=no");
        return sha.stdout().strip() + (dirty.ok() && !dirty.stdout().isBlank() ? "-dirty" : "");
    }

    private static String shortSha(String commit) {
        return commit.equals("nogit") ? commit : commit.substring(0, 7) + (commit.endsWith("-dirty") ? "-dirty" : "");
    }
}
