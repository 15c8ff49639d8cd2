package dev.synwarm.runtime.image;

import dev.synwarm.sys.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** fn-static: fn.c compiled on the host with {@code gcc -static}, alone in a {@code FROM scratch} image. */
public record StaticImage(Path dir) implements ImageRecipe {
    @Override
    public String function() {
        return "fn-static";
    }

    @Override
    public List<Path> sources() {
        return List.of(dir.resolve("fn.c"), dir.resolve("Dockerfile"));
    }

    @Override
    public List<String> inputs() {
        return List.of();
    }

    @Override
    public void stage(Path context, Consumer<String> progress) {
        progress.accept("compiling fn.c (gcc -static)");
        Proc.run(List.of("gcc", "-static", "-O2", "-s", "-Wall", "-o", context.resolve("fn").toString(),
                        dir.resolve("fn.c").toString(), "-lpthread"), Duration.ofMinutes(2))
                .orThrow();
        BuildFiles.copy(dir.resolve("Dockerfile"), context.resolve("Dockerfile"));
        if (!Files.isExecutable(context.resolve("fn"))) {
            throw new IllegalStateException("gcc produced no executable " + context.resolve("fn"));
        }
    }
}
