package dev.synwarm.cli;

import dev.synwarm.bpf.AttachMode;
import dev.synwarm.sys.UsageException;
import java.nio.file.Path;
import java.util.Locale;

/** Option words shared by commands, parsed with one-line errors. */
final class Options {
    private Options() {}

    /** The repository the launcher runs from ({@code -Dsynwarm.repo}, else the working directory). */
    static Path repo() {
        return Path.of(System.getProperty("synwarm.repo", ".")).toAbsolutePath().normalize();
    }

    static AttachMode hook(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "xdp" -> AttachMode.XDP;
            case "tc" -> AttachMode.TC;
            default -> throw new UsageException("--hook: '" + word + "' is not one of xdp, tc");
        };
    }
}
