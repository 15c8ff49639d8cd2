package dev.synwarm.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads /proc/mounts. */
public final class Mounts {
    private Mounts() {}

    /**
     * The cgroup v2 mount point. On a hybrid host (v1 controllers at /sys/fs/cgroup, v2 at
     * /sys/fs/cgroup/unified) it is not the cgroup root, so it is looked up, never assumed.
     */
    public static Optional<Path> cgroup2() {
        return cgroup2(Path.of("/proc/mounts"));
    }

    static Optional<Path> cgroup2(Path mounts) {
        try {
            for (String line : Files.readAllLines(mounts)) {
                String[] f = line.split(" ");
                if (f.length >= 3 && f[2].equals("cgroup2")) {
                    return Optional.of(Path.of(f[1]));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
