package dev.synwarm.bench;

import dev.synwarm.sys.AtomicFile;
import dev.synwarm.sys.Proc;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code harness-bench/target/benchmarks.jar}, the runnable JMH jar; rebuilt with Maven when any source it
 * is made of (benchmarks, harness, eBPF programs, poms) is newer than the jar.
 */
public final class BenchmarksJar {
    static final String JAR = "harness-bench/target/benchmarks.jar";
    private static final List<String> SOURCES = List.of("pom.xml", "harness/pom.xml", "harness-bench/pom.xml",
            "harness/src/main", "harness-bench/src/main", "bpf");

    private BenchmarksJar() {}

    /** The jar, built first when missing or stale; Maven's output lands in {@code buildLog} on failure. */
    public static Path ensure(Path repo, Path buildLog, PrintWriter progress) {
        Path jar = repo.resolve(JAR);
        if (Files.isRegularFile(jar) && !newerSource(repo, lastModified(jar))) {
            return jar;
        }
        progress.println("building " + JAR + " (mvn package)…");
        progress.flush();
        Proc.Result r = Proc.run(List.of("mvn", "-q", "-B", "-f", repo.resolve("pom.xml").toString(), "-DskipTests",
                "-pl", "harness-bench", "-am", "package"), Duration.ofMinutes(15));
        if (!r.ok() || !Files.isRegularFile(jar)) {
            try {
                AtomicFile.writeString(buildLog, r.stdout() + r.stderr());
            } catch (IOException e) {
                throw new SystemException("building the benchmarks jar failed, and so did writing " + buildLog, e);
            }
            throw new SystemException("building the benchmarks jar failed (exit " + r.exitCode() + "); see " + buildLog);
        }
        return jar;
    }

    private static boolean newerSource(Path repo, FileTime jarTime) {
        for (String s : SOURCES) {
            Path p = repo.resolve(s);
            if (!Files.exists(p)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(p)) {
                if (files.filter(Files::isRegularFile).anyMatch(f -> lastModified(f).compareTo(jarTime) > 0)) {
                    return true;
                }
            } catch (IOException e) {
                return true; // unsure: rebuild
            }
        }
        return false;
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MAX_VALUE);
        }
    }
}
