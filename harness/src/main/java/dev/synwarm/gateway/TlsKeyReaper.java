package dev.synwarm.gateway;

import dev.synwarm.sys.ListingReaper;
import dev.synwarm.sys.Reaper;
import dev.synwarm.sys.RunId;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Removes the temp directories {@link TlsIdentity} leaves when its run is SIGKILLed: a private key on
 * disk must not outlive the run that made it.
 */
public final class TlsKeyReaper {
    private TlsKeyReaper() {}

    /** The reaper for the JVM's temp directory, where {@link TlsIdentity#generate} creates its directories. */
    public static Reaper create() {
        return in(Path.of(System.getProperty("java.io.tmpdir")));
    }

    static Reaper in(Path tmp) {
        return new ListingReaper<>("tls key dir", () -> directories(tmp), d -> ownerOf(d.getFileName().toString()),
                TlsKeyReaper::deleteTree, Path::toString);
    }

    private static List<Path> directories(Path tmp) {
        try (Stream<Path> dirs = Files.list(tmp)) {
            return dirs.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return List.of(); // an unreadable temp dir holds nothing of ours we could remove
        }
    }

    /** The run of a directory named {@code sw-<id>-tls-<random>}. */
    static Optional<RunId> ownerOf(String name) {
        return name.matches("sw-[a-z0-9]{4}-tls-.*") ? RunId.ofName(name) : Optional.empty();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new SystemException("removing " + dir + ": " + e.getMessage(), e);
        }
    }
}
