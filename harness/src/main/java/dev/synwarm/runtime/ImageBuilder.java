package dev.synwarm.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.synwarm.runtime.image.BuildFiles;
import dev.synwarm.runtime.image.DockerBuild;
import dev.synwarm.runtime.image.FunctionImages;
import dev.synwarm.runtime.image.ImageRecipe;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds the function images offline through the Docker engine's build API (classic builder, nothing
 * pulled), only when an image with the current content-hash tag is missing. Older tags are left alone:
 * another checkout (a worktree on other sources) may be using them.
 */
public final class ImageBuilder {
    /** One image after {@link #ensure}: its tag, whether it was (re)built now, and how long that took. */
    public record Built(String function, String tag, boolean rebuilt, Duration took) {}

    private final DockerClient docker;
    private final FunctionImages images;

    public ImageBuilder(DockerClient docker, FunctionImages images) {
        this.docker = docker;
        this.images = images;
    }

    /** What {@code ./synwarm setup} calls: starts dockerd if needed and makes sure every image exists. */
    public static List<Built> ensureAll(Consumer<String> progress) {
        DockerDaemon.Info daemon = DockerDaemon.ensureRunning();
        try (DockerClient docker = DockerClients.connect(daemon)) {
            ImageBuilder b = new ImageBuilder(docker, Functions.images());
            List<Built> out = new ArrayList<>();
            for (String fn : FunctionImages.NAMES) {
                out.add(b.ensure(fn, progress));
            }
            return out;
        } catch (IOException e) {
            throw new SystemException("closing the Docker client: " + e.getMessage(), e);
        }
    }

    public boolean exists(String tag) {
        try {
            docker.inspectImageCmd(tag).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    public Built ensure(String function, Consumer<String> progress) {
        Functions.requireKnown(function);
        String tag = images.tag(function);
        if (exists(tag)) {
            progress.accept(function + ": " + tag + " is up to date");
            return new Built(function, tag, false, Duration.ZERO);
        }
        long t0 = System.nanoTime();
        ImageRecipe recipe = images.recipe(function);
        Consumer<String> p = line -> progress.accept(function + ": " + line);
        recipe.prepare(docker, p);
        Path context = tempDir(function);
        try {
            recipe.stage(context, p);
            p.accept("docker build -t " + tag);
            DockerBuild.build(docker, context, tag,
                    Map.of("synwarm.fn", function, "synwarm.hash", tag.substring(tag.indexOf(':') + 1)),
                    recipe.buildArgs(), p);
        } finally {
            BuildFiles.deleteTree(context);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        p.accept("built " + tag + " in " + took.toMillis() / 1000.0 + " s");
        return new Built(function, tag, true, took);
    }

    private static Path tempDir(String function) {
        try {
            return Files.createTempDirectory("synwarm-build-" + function + "-");
        } catch (IOException e) {
            throw new SystemException("cannot create a build directory: " + e.getMessage(), e);
        }
    }

}
