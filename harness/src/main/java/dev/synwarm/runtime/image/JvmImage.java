package dev.synwarm.runtime.image;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.SystemException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.spi.ToolProvider;

/**
 * fn-jvm (and fn-jvm-aot): Fn.java compiled and jar'd, on a jlink'd runtime of the JDK running synwarm
 * (java.base + jdk.httpserver with its default CDS archive), plus the host's glibc files that runtime
 * links, in a {@code FROM scratch} image. The two variants share the context and differ by Dockerfile.
 */
public record JvmImage(String function, Path appDir, Path dockerfileDir) implements ImageRecipe {
    @Override
    public List<Path> sources() {
        return List.of(appDir.resolve("Fn.java"), dockerfileDir.resolve("Dockerfile"));
    }

    /** The runtime inside the image is this JDK's, so its version is part of the image's identity. */
    @Override
    public List<String> inputs() {
        return List.of("jdk " + Runtime.version() + " " + System.getProperty("java.vendor", "?"));
    }

    @Override
    public void stage(Path context, Consumer<String> progress) {
        Path rootfs = context.resolve("rootfs");
        Path classes = context.resolve("classes");
        progress.accept("compiling Fn.java");
        tool("javac", "--release", Integer.toString(Runtime.version().feature()), "-d", classes.toString(),
                appDir.resolve("Fn.java").toString());
        BuildFiles.createDirectories(rootfs.resolve("app"));
        tool("jar", "--create", "--file", rootfs.resolve("app/fn.jar").toString(), "--main-class", "Fn",
                "-C", classes.toString(), ".");
        progress.accept("jlink java.base,jdk.httpserver (with CDS archive)");
        // A separate process: jlink's CDS dump runs the new runtime, whose warnings would flood our stdout.
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        Proc.run(List.of(jlink.toString(), "--add-modules", "java.base,jdk.httpserver", "--strip-debug",
                        "--no-man-pages", "--no-header-files", "--generate-cds-archive",
                        "--output", rootfs.resolve("opt/java").toString()), Duration.ofMinutes(5))
                .orThrow();
        progress.accept("copying the glibc files the runtime links");
        SharedLibraries.copyDependencies(rootfs, rootfs.resolve("opt/java"));
        BuildFiles.createDirectories(rootfs.resolve("tmp"));
        BuildFiles.copy(dockerfileDir.resolve("Dockerfile"), context.resolve("Dockerfile"));
    }

    /** Runs a JDK tool in this JVM (javac, jar, jlink are ToolProviders of a full JDK). */
    private static void tool(String name, String... args) {
        ToolProvider tp = ToolProvider.findFirst(name).orElseThrow(() -> new SystemException(
                name + " is not available: synwarm must run on a full JDK (" + System.getProperty("java.home") + ")"));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int rc = tp.run(out, out, args);
        if (rc != 0) {
            throw new SystemException(name + " failed (exit " + rc + "): " + buf.toString(StandardCharsets.UTF_8).strip());
        }
    }
}
