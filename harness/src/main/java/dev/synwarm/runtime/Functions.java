package dev.synwarm.runtime;

import dev.synwarm.runtime.image.FunctionImages;
import dev.synwarm.sys.UsageException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The functions synwarm knows and their image tags, for the repository synwarm runs from
 * ({@code -Dsynwarm.repo}, set by the launcher and by surefire; else the working directory).
 */
public final class Functions {
    private static final Set<String> KNOWN = new LinkedHashSet<>(FunctionImages.NAMES);

    private Functions() {}

    public static Set<String> known() {
        return Set.copyOf(KNOWN);
    }

    /** {@code synwarm/<function>:<content hash of its sources>}; a UsageException for an unknown name. */
    public static String imageTag(String function) {
        requireKnown(function);
        return images().tag(function);
    }

    public static void requireKnown(String function) {
        if (!KNOWN.contains(function)) {
            throw new UsageException("unknown function '" + function + "' (known: " + String.join(", ", KNOWN) + ")");
        }
    }

    /** The image catalog of this checkout; images are built under /var/cache/synwarm. */
    public static FunctionImages images() {
        Path repo = Path.of(System.getProperty("synwarm.repo", "."));
        Path cache = Path.of(System.getProperty("synwarm.cacheDir", "/var/cache/synwarm"));
        return new FunctionImages(repo.resolve("functions"), cache);
    }
}
