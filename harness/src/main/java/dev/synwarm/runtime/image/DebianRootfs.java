package dev.synwarm.runtime.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.synwarm.sys.Proc;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@code debootstrap --variant=minbase} Debian rootfs, trimmed, imported as a local base image. The
 * rootfs tarball is cached (one debootstrap ≈ 1 min), so a removed image is re-imported, not re-bootstrapped.
 * The mirror is the machine's own apt mirror; it is not part of the identity (same suite, same packages).
 */
public record DebianRootfs(String name, String suite, List<String> packages, Path cacheDir) {
    private static final List<String> TRIM = List.of(
            "usr/share/doc", "usr/share/man", "usr/share/info", "usr/share/locale", "usr/share/lintian",
            "var/cache/apt", "var/lib/apt/lists", "var/cache/debconf", "var/log");

    public String hash() {
        return ContentHash.of(List.of(), List.of("debootstrap minbase", suite, String.join(",", packages),
                String.join(",", TRIM)));
    }

    /** {@code synwarm/fn-base-<name>:<hash>}. */
    public String tag() {
        return "synwarm/fn-base-" + name + ":" + hash();
    }

    Path tarball() {
        return cacheDir.resolve("rootfs-" + name + "-" + suite + "-" + hash() + ".tar");
    }

    void ensureImported(DockerClient docker, Consumer<String> progress) {
        try {
            docker.inspectImageCmd(tag()).exec();
            return;
        } catch (NotFoundException absent) {
            // import below
        }
        if (!Files.exists(tarball())) {
            bootstrap(progress);
        }
        progress.accept("importing " + tarball().getFileName() + " as " + tag());
        // FROM scratch + ADD of the tarball (the builder unpacks it): the same build path as every image.
        Path context = cacheDir.resolve("import-" + name + "-" + hash());
        BuildFiles.deleteTree(context);
        BuildFiles.createDirectories(context);
        try {
            Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nADD rootfs.tar /\nCMD [\"/bin/bash\"]\n");
            linkOrCopy(tarball(), context.resolve("rootfs.tar"));
            DockerBuild.build(docker, context, tag(), Map.of("synwarm.base", name, "synwarm.hash", hash()), Map.of(),
                    progress);
        } catch (IOException e) {
            throw new SystemException("cannot prepare the import of " + tarball() + ": " + e.getMessage(), e);
        } finally {
            BuildFiles.deleteTree(context);
        }
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to);
        }
    }

    private void bootstrap(Consumer<String> progress) {
        if (!Proc.onPath("debootstrap")) {
            throw new SystemException("debootstrap is not installed (apt-get install debootstrap)");
        }
        String mirror = AptMirror.forSuite(suite);
        Path target = cacheDir.resolve("rootfs-" + name + "-" + hash() + ".tmp");
        BuildFiles.deleteTree(target);
        BuildFiles.createDirectories(cacheDir);
        progress.accept("debootstrap --variant=minbase --include=" + String.join(",", packages) + " " + suite
                + " from " + mirror + " (about a minute)");
        try {
            List<String> cmd = new ArrayList<>(List.of("debootstrap", "--variant=minbase",
                    "--include=" + String.join(",", packages), suite, target.toString(), mirror));
            Proc.Result r = Proc.run(cmd, Duration.ofMinutes(30));
            if (!r.ok()) {
                throw new SystemException("debootstrap " + suite + " failed (exit " + r.exitCode() + "): "
                        + lastLine(r.stdout() + r.stderr()) + " (log: " + target.resolve("debootstrap/debootstrap.log") + ")");
            }
            for (String t : TRIM) {
                BuildFiles.deleteTree(target.resolve(t));
            }
            Path partial = cacheDir.resolve(tarball().getFileName() + ".partial");
            BuildFiles.tar(target, partial);
            Files.move(partial, tarball(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            progress.accept("cached rootfs " + tarball() + " (" + Files.size(tarball()) / (1 << 20) + " MiB)");
        } catch (IOException e) {
            throw new SystemException("cannot cache the rootfs in " + cacheDir + ": " + e.getMessage(), e);
        } finally {
            BuildFiles.deleteTree(target);
        }
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }
}
