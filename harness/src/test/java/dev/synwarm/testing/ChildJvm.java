package dev.synwarm.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The synwarm CLI in a child JVM on this test's class path, for tests that kill it or change its user. */
public final class ChildJvm {
    /** How the child ended; {@code stderr} is what it printed there. */
    public record Exit(int code, String stderr, String stdout) {}

    private ChildJvm() {}

    public static List<String> command(List<String> jvmOptions, String classPath, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Dsynwarm.repo=" + Requires.repo());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add("dev.synwarm.cli.Main");
        cmd.addAll(args);
        return cmd;
    }

    /** Runs {@code synwarm args…} with extra environment {@code env}; fails the test after {@code limit}. */
    public static Exit run(List<String> args, Map<String, String> env, Duration limit) throws IOException, InterruptedException {
        return exec(command(List.of(), System.getProperty("java.class.path"), args), env, limit);
    }

    /** Runs the full {@code command} (see {@link #command}). */
    public static Exit exec(List<String> command, Map<String, String> env, Duration limit) throws IOException, InterruptedException {
        Path err = Files.createTempFile("synwarm-child", ".err");
        Path out = Files.createTempFile("synwarm-child", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(out.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("synwarm " + command + " did not end within " + limit + "; stderr: " + Files.readString(err));
            }
            return new Exit(p.exitValue(), Files.readString(err), Files.readString(out));
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(out);
        }
    }
}
