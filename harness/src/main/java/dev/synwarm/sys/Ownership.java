package dev.synwarm.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Marks which run ids belong to a live process: {@code /run/synwarm/<id>} holds the owner's pid and its
 * start time (from /proc, so a recycled pid is not mistaken for the owner). Reapers remove only what
 * belongs to runs whose owner is gone, so concurrent synwarm processes do not tear each other down.
 */
public final class Ownership {
    private static final Path DIR = Path.of(System.getProperty("synwarm.stateDir", "/run/synwarm"));

    private Ownership() {}

    /** Claims {@code id} for this process; the claim is released by {@link #release}. */
    public static void claim(RunId id) {
        long pid = ProcessHandle.current().pid();
        try {
            Files.createDirectories(DIR);
            Path tmp = DIR.resolve(id.value() + ".tmp");
            Files.writeString(tmp, pid + " " + startTicks(pid).orElse(0L) + "\n");
            Files.move(tmp, DIR.resolve(id.value()), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SystemException("cannot record run ownership in " + DIR + ": " + e.getMessage(), e);
        }
    }

    public static void release(RunId id) {
        try {
            Files.deleteIfExists(DIR.resolve(id.value()));
        } catch (IOException ignored) {
            // the file only speeds up reaping decisions; a leftover marks a dead owner anyway
        }
    }

    /** Every run id with a claim file, live or not (a SIGKILLed owner leaves its file behind). */
    public static List<RunId> claimed() {
        try (java.util.stream.Stream<Path> files = Files.list(DIR)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("[a-z0-9]{4}"))
                    .map(RunId::new)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** True when the process that claimed {@code id} is still running. */
    public static boolean isLive(RunId id) {
        Path f = DIR.resolve(id.value());
        try {
            List<String> parts = List.of(Files.readString(f).strip().split(" "));
            long pid = Long.parseLong(parts.get(0));
            long ticks = Long.parseLong(parts.get(1));
            return startTicks(pid).map(t -> t == ticks).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Field 22 of /proc/<pid>/stat: the process start time in clock ticks since boot. */
    static Optional<Long> startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String afterComm = stat.substring(stat.lastIndexOf(')') + 2);
            return Optional.of(Long.parseLong(afterComm.split(" ")[19]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
