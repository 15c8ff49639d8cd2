package dev.synwarm.runtime.image;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/** File chores of image building, with failures turned into {@link SystemException}s. */
public final class BuildFiles {
    private BuildFiles() {}

    /** Copies the bytes {@code from} names (following symlinks) to {@code to}, creating parents. */
    public static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new SystemException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    public static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SystemException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes a tree without crossing into other file systems: a debootstrap interrupted half-way can
     * leave /proc or /sys mounted inside its target.
     */
    public static void deleteTree(Path dir) {
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Proc.run(List.of("rm", "-rf", "--one-file-system", dir.toString()), Duration.ofMinutes(5)).orThrow();
        }
    }

    /** {@code tar} of a directory's contents, owned by root, modes and symlinks kept. */
    public static void tar(Path dir, Path tarFile) {
        Proc.run(List.of("tar", "--numeric-owner", "--owner=0", "--group=0", "-C", dir.toString(), "-cf",
                        tarFile.toString(), "."), Duration.ofMinutes(10))
                .orThrow();
    }
}
