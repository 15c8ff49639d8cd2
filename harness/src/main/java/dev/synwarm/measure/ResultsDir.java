package dev.synwarm.measure;

import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code <root>/<scenario>/<UTC yyyyMMdd'T'HHmmss'Z'>-<git sha>/}: one directory per run, created
 * exclusively so that no run ever writes into another's.
 */
public final class ResultsDir {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    public static final String MANIFEST = "run.json";

    private ResultsDir() {}

    /** Creates the directory (with a -2, -3, … suffix if a run of the same second and commit exists). */
    public static Path create(Path root, String scenario, Instant start, String gitSha) {
        String base = STAMP.format(start) + "-" + (gitSha.length() > 7 ? gitSha.substring(0, 7) : gitSha);
        try {
            Path parent = Files.createDirectories(root.resolve(scenario));
            for (int i = 1; i < 100; i++) {
                Path dir = parent.resolve(i == 1 ? base : base + "-" + i);
                try {
                    return Files.createDirectory(dir);
                } catch (FileAlreadyExistsException taken) {
                    // another run of the same second: try the next suffix
                }
            }
            throw new SystemException("too many runs named " + parent.resolve(base));
        } catch (IOException e) {
            throw new SystemException("cannot create a results directory under " + root + ": " + e.getMessage(), e);
        }
    }
}
