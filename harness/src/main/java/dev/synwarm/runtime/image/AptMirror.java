package dev.synwarm.runtime.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Debian mirror this machine's apt already uses for a suite (from /etc/apt/sources.list and
 * sources.list.d, one-line and deb822 forms), so debootstrap goes where the machine is allowed to go.
 */
public final class AptMirror {
    static final String FALLBACK = "http://deb.debian.org/debian";

    private AptMirror() {}

    public static String forSuite(String suite) {
        return find(Path.of("/etc/apt"), suite).orElse(FALLBACK);
    }

    /** The first {@code deb} http(s) URI serving {@code suite} under {@code aptDir}. */
    static Optional<String> find(Path aptDir, String suite) {
        List<Path> files = new ArrayList<>();
        files.add(aptDir.resolve("sources.list"));
        Path d = aptDir.resolve("sources.list.d");
        if (Files.isDirectory(d)) {
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.toString().endsWith(".list") || p.toString().endsWith(".sources"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException ignored) {
                // an unreadable directory has no mirrors
            }
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            String text;
            try {
                text = Files.readString(f);
            } catch (IOException e) {
                continue;
            }
            Optional<String> uri = f.toString().endsWith(".sources") ? fromDeb822(text, suite) : fromOneLine(text, suite);
            if (uri.isPresent()) {
                return uri;
            }
        }
        return Optional.empty();
    }

    /** {@code deb [opts] URI suite components…} lines. */
    static Optional<String> fromOneLine(String text, String suite) {
        for (String raw : text.split("\n")) {
            String line = raw.replaceAll("\\[[^]]*]", " ").strip();
            String[] f = line.split("\\s+");
            if (f.length >= 3 && f[0].equals("deb") && isHttp(f[1]) && f[2].equals(suite)) {
                return Optional.of(trimSlash(f[1]));
            }
        }
        return Optional.empty();
    }

    /** Stanzas of {@code Types: / URIs: / Suites:} fields separated by blank lines. */
    static Optional<String> fromDeb822(String text, String suite) {
        for (String stanza : text.split("\\n\\s*\\n")) {
            List<String> types = List.of();
            List<String> uris = List.of();
            List<String> suites = List.of();
            boolean enabled = true;
            for (String line : stanza.split("\n")) {
                if (line.startsWith("#") || !line.contains(":")) {
                    continue;
                }
                String key = line.substring(0, line.indexOf(':')).strip();
                List<String> values = Arrays.asList(line.substring(line.indexOf(':') + 1).strip().split("\\s+"));
                switch (key) {
                    case "Types" -> types = values;
                    case "URIs" -> uris = values;
                    case "Suites" -> suites = values;
                    case "Enabled" -> enabled = !values.getFirst().equalsIgnoreCase("no");
                    default -> {}
                }
            }
            if (enabled && types.contains("deb") && suites.contains(suite)) {
                Optional<String> uri = uris.stream().filter(AptMirror::isHttp).findFirst();
                if (uri.isPresent()) {
                    return uri.map(AptMirror::trimSlash);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isHttp(String uri) {
        return uri.startsWith("http://") || uri.startsWith("https://");
    }

    private static String trimSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
