package dev.synwarm.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads /proc/mounts. */
public final class Mounts {
    private Mounts() {}

    /**
     * The cgroup v2 mount point. On a hybrid host (v1 controllers at /sys/fs/cgroup, v2 at
     * /sys/fs/cgroup/unified) it is not the cgroup root, so it is looked up, never assumed.
     */
    public static Optional<Path> cgroup2() {
        try {
            return cgroup2(Files.readAllLines(Path.of("/proc/mounts")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@link #cgroup2()} or a {@link SystemException} saying it is missing. */
    public static Path requireCgroup2() {
        return cgroup2().orElseThrow(() -> new SystemException("no cgroup2 file system in /proc/mounts"));
    }

    /** The mount point of the first {@code cgroup2} line of a /proc/mounts text (octal escapes undone). */
    static Optional<Path> cgroup2(List<String> mounts) {
        for (String line : mounts) {
            String[] f = line.split(" ");
            if (f.length > 2 && f[2].equals("cgroup2")) {
                return Optional.of(Path.of(f[1].replace("\\040", " ")));
            }
        }
        return Optional.empty();
    }
}
