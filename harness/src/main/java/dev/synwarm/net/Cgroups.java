package dev.synwarm.net;

import dev.synwarm.sys.Mounts;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** cgroup v2 directories for client processes, under the cgroup2 mount found in /proc/mounts. */
final class Cgroups {
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);

    private Cgroups() {}

    /** Where cgroup2 is mounted ({@code /sys/fs/cgroup} on unified hosts, {@code …/unified} on hybrid ones). */
    static Path root() {
        return Mounts.requireCgroup2();
    }

    static Path create(String name) {
        Path dir = root().resolve(name);
        try {
            Files.createDirectory(dir);
            return dir;
        } catch (IOException e) {
            throw new SystemException("cannot create cgroup " + dir + ": " + e, e);
        }
    }

    /**
     * Removes {@code dir}: processes still in it belong to the run that made it, so they are killed
     * (cgroup.kill) and awaited before the rmdir. Missing directories are fine.
     */
    static void remove(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Long> pids = pids(dir);
        if (!pids.isEmpty()) {
            try {
                Files.writeString(dir.resolve("cgroup.kill"), "1");
            } catch (IOException e) {
                throw new SystemException("cannot kill the processes in " + dir + ": " + e, e);
            }
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(Cgroups::awaitExit);
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new SystemException("cannot remove cgroup " + dir + ": " + e, e);
        }
    }

    static List<Long> pids(Path dir) {
        try (Stream<String> lines = Files.lines(dir.resolve("cgroup.procs"))) {
            return lines.filter(s -> !s.isBlank()).map(Long::parseLong).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void awaitExit(ProcessHandle p) {
        try {
            p.onExit().get(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new SystemException("process " + p.pid() + " did not exit after cgroup.kill", e);
        }
    }
}
