package dev.synwarm.bench;

import dev.synwarm.sys.SystemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs JMH's own {@code org.openjdk.jmh.Main} in a child JVM (this JDK) over a class path holding the
 * benchmarks — the benchmarks jar for the CLI, the test class path in tests. JMH's full output goes to
 * {@code jmh.log}; the "# Benchmark:" lines are echoed as progress.
 */
public final class JmhRunner {
    public static final String RESULT_FILE = "jmh.json";
    public static final String LOG_FILE = "jmh.log";

    private JmhRunner() {}

    public static List<JmhResult> run(String classPath, JmhSettings settings, Path repo, Path outDir, PrintWriter progress) {
        Path json = outDir.resolve(RESULT_FILE);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath, "org.openjdk.jmh.Main"));
        cmd.addAll(settings.arguments(json, repo));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        int exit;
        try (Writer log = Files.newBufferedWriter(outDir.resolve(LOG_FILE), StandardCharsets.UTF_8)) {
            Process p = pb.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    log.write(line);
                    log.write('\n');
                    if (line.startsWith("# Benchmark: ")) {
                        progress.println("  jmh " + line.substring("# Benchmark: ".length()));
                        progress.flush();
                    }
                }
            }
            exit = p.waitFor();
        } catch (IOException e) {
            throw new SystemException("cannot run JMH: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemException("interrupted while JMH ran", e);
        }
        if (exit != 0 || !Files.exists(json)) {
            throw new SystemException("JMH failed (exit " + exit + "); see " + outDir.resolve(LOG_FILE));
        }
        List<JmhResult> results = JmhResult.read(json);
        if (results.isEmpty()) {
            throw new SystemException("JMH ran no benchmark matching " + settings.include() + "; see " + outDir.resolve(LOG_FILE));
        }
        return results;
    }
}
