package dev.synwarm.runtime.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Debian release to bootstrap: the host's own (VERSION_CODENAME), so its apt mirror serves it. */
final class DebianSuite {
    static final String DEFAULT = "bookworm";

    private DebianSuite() {}

    static String ofHost() {
        return fromOsRelease(Path.of("/etc/os-release"));
    }

    static String fromOsRelease(Path osRelease) {
        try {
            boolean debian = false;
            String codename = null;
            for (String line : Files.readAllLines(osRelease)) {
                if (line.equals("ID=debian")) {
                    debian = true;
                } else if (line.startsWith("VERSION_CODENAME=")) {
                    codename = line.substring("VERSION_CODENAME=".length()).replace("\"", "").strip();
                }
            }
            return debian && codename != null && !codename.isEmpty() ? codename : DEFAULT;
        } catch (IOException e) {
            return DEFAULT;
        }
    }
}
