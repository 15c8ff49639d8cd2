package dev.synwarm.gateway;

import dev.synwarm.sys.Reaper;
import dev.synwarm.sys.RunId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Removes the temp directories {@link TlsIdentity} leaves when its run is SIGKILLed: a private key on
 * disk must not outlive the run that made it.
 */
public final class TlsKeyReaper implements Reaper {
    private final Path tmp;

    public TlsKeyReaper() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param tmp where {@link TlsIdentity#generate} creates its directories */
    TlsKeyReaper(Path tmp) {
        this.tmp = tmp;
    }

    @Override
    public String kind() {
        return "tls key dir";
    }

    @Override
    public List<String> reap(Predicate<RunId> reap) {
        List<String> removed = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(tmp)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Optional<RunId> id = ownerOf(d.getFileName().toString());
                if (id.isPresent() && reap.test(id.get())) {
                    deleteTree(d);
                    removed.add(d.toString());
                }
            }
        } catch (IOException e) {
            // an unreadable temp dir holds nothing of ours we could remove
        }
        return removed;
    }

    /** The run of a directory named {@code sw-<id>-tls-<random>}. */
    static Optional<RunId> ownerOf(String name) {
        return name.matches("sw-[a-z0-9]{4}-tls-.*") ? RunId.ofName(name) : Optional.empty();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
