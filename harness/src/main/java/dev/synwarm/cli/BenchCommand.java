package dev.synwarm.cli;

import dev.synwarm.bench.Bench;
import dev.synwarm.bench.BenchSummary;
import dev.synwarm.bench.ReadmeSection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code synwarm bench}: the harness's own costs (JMH + end-to-end figures), or the README table from them. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the JMH suite and the end-to-end performance figures into results/bench/<UTC>-<sha>/",
            "(needs root), or with --update-readme rewrite README.md's table from such a directory."})
public final class BenchCommand implements Callable<Integer>, CreatesResources {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "short JMH iterations and fewer connections (a few minutes)")
    boolean quick;

    @Option(names = "--include", paramLabel = "REGEX", description = "run only the JMH benchmarks matching REGEX")
    String include;

    @Option(names = "--jmh-only", description = "skip the end-to-end figures")
    boolean jmhOnly;

    @Option(names = "--figures", paramLabel = "REGEX",
            description = "measure only the end-to-end figures whose title matches REGEX (e.g. gateway)")
    String figures;

    @Option(names = "--out", paramLabel = "DIR", description = "parent of the result directory (default results/bench)")
    Path out;

    @Option(names = "--update-readme", paramLabel = "DIR",
            description = "rewrite README.md between <!-- bench:begin --> and <!-- bench:end --> from DIR/summary.json")
    Path updateReadme;

    @Option(names = "--readme", paramLabel = "FILE", description = "the README to rewrite (default: the repository's README.md)")
    Path readme;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        Path repo = Path.of(System.getProperty("synwarm.repo", ".")).toAbsolutePath().normalize();
        if (updateReadme != null) {
            BenchSummary summary = BenchSummary.read(updateReadme);
            Path file = readme != null ? readme : repo.resolve("README.md");
            ReadmeSection.update(file, summary);
            w.println("rewrote the performance table in " + file + " from " + updateReadme.resolve(BenchSummary.FILE));
            return Main.EXIT_OK;
        }
        Path root = out != null ? out : repo.resolve("results/bench");
        Path dir = Bench.run(new Bench.Options(quick, repo, root, include, !jmhOnly, figures), w);
        w.println("wrote " + dir.resolve(BenchSummary.FILE) + " and summary.md");
        w.println("README table: ./synwarm bench --update-readme " + dir);
        return Main.EXIT_OK;
    }
}
