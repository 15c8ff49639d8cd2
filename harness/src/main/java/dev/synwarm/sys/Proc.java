package dev.synwarm.sys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an external command to completion and captures its output; no shell, no business logic. */
public final class Proc {
    private Proc() {}

    /** What a finished command returned. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** Throws a {@link SystemException} with the command and its stderr unless it exited 0. */
        public Result orThrow() {
            if (!ok()) {
                throw new SystemException(String.join(" ", command) + " failed (exit " + exitCode + "): "
                        + firstLine(stderr.isBlank() ? stdout : stderr));
            }
            return this;
        }
    }

    public static Result run(String... command) {
        return run(List.of(command), Duration.ofSeconds(60));
    }

    public static Result run(List<String> command) {
        return run(command, Duration.ofSeconds(60));
    }

    public static Result run(List<String> command, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new SystemException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> out = readAsync(p.getInputStream());
        CompletableFuture<String> err = readAsync(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new SystemException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Result(List.copyOf(command), p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SystemException("interrupted while running " + command.getFirst(), e);
        }
    }

    /** True when {@code name} is an executable on PATH. */
    public static boolean onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(":")) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    private static CompletableFuture<String> readAsync(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, Thread::startVirtualThread);
    }

    static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
