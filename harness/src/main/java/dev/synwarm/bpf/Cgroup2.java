package dev.synwarm.bpf;

import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the cgroup v2 hierarchy is mounted (not always /sys/fs/cgroup: hybrid hosts use .../unified). */
public final class Cgroup2 {
    private Cgroup2() {}

    public static Path mountPoint() {
        try {
            return find(Files.readAllLines(Path.of("/proc/mounts")))
                    .orElseThrow(() -> new SystemException("no cgroup2 file system in /proc/mounts"));
        } catch (IOException e) {
            throw new SystemException("cannot read /proc/mounts: " + e.getMessage(), e);
        }
    }

    /** The mount point of the first {@code cgroup2} line of a /proc/mounts text. */
    static Optional<Path> find(List<String> mounts) {
        for (String line : mounts) {
            String[] f = line.split(" ");
            if (f.length > 2 && f[2].equals("cgroup2")) {
                return Optional.of(Path.of(f[1].replace("\\040", " ")));
            }
        }
        return Optional.empty();
    }
}
