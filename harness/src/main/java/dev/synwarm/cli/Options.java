package dev.synwarm.cli;

import dev.synwarm.bpf.AttachMode;
import dev.synwarm.sys.UsageException;
import java.util.Locale;

/** Option words shared by commands, parsed with one-line errors. */
final class Options {
    private Options() {}

    static AttachMode hook(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "xdp" -> AttachMode.XDP;
            case "tc" -> AttachMode.TC;
            default -> throw new UsageException("--hook: '" + word + "' is not one of xdp, tc");
        };
    }
}
