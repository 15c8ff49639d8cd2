package dev.synwarm.runtime.image;

import dev.synwarm.sys.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The function images and where their sources live ({@code functions/<name>/} in the repository), each
 * tagged {@code synwarm/<name>:<content hash>}.
 */
public final class FunctionImages {
    /** Every function synwarm can start, in build order (fastest first). */
    public static final List<String> NAMES = List.of("fn-static", "fn-jvm", "fn-jvm-aot", "fn-python");

    private final Path functionsDir;
    private final Path cacheDir;

    public FunctionImages(Path functionsDir, Path cacheDir) {
        this.functionsDir = functionsDir.toAbsolutePath().normalize();
        this.cacheDir = cacheDir;
    }

    public Path functionsDir() {
        return functionsDir;
    }

    public ImageRecipe recipe(String function) {
        if (!Files.isDirectory(functionsDir)) {
            throw new UsageException("function sources not found at " + functionsDir
                    + " (run synwarm from its checkout, or set -Dsynwarm.repo)");
        }
        Path jvm = functionsDir.resolve("fn-jvm");
        return switch (function) {
            case "fn-static" -> new StaticImage(functionsDir.resolve("fn-static"));
            case "fn-jvm" -> new JvmImage("fn-jvm", jvm, jvm);
            case "fn-jvm-aot" -> new JvmImage("fn-jvm-aot", jvm, functionsDir.resolve("fn-jvm-aot"));
            case "fn-python" -> new PythonImage(functionsDir.resolve("fn-python"), pythonBase());
            default -> throw new UsageException("unknown function '" + function + "' (known: " + String.join(", ", NAMES) + ")");
        };
    }

    /** {@code synwarm/<function>:<12 hex of the content hash>}. */
    public String tag(String function) {
        ImageRecipe r = recipe(function);
        return "synwarm/" + function + ":" + ContentHash.of(r.sources(), r.inputs());
    }

    DebianRootfs pythonBase() {
        return new DebianRootfs("python", DebianSuite.ofHost(), List.of("python3"), cacheDir);
    }
}
