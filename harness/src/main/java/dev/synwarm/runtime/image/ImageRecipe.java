package dev.synwarm.runtime.image;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How one function image is built offline: what defines it (hashed into its tag, so it is rebuilt only
 * when that changes) and how its build context is laid out. The Dockerfile starts {@code FROM scratch} or
 * from a locally imported base; nothing is ever pulled.
 */
public interface ImageRecipe {
    /** The function name, also the image repository under {@code synwarm/}. */
    String function();

    /** Files whose bytes define the image. */
    List<Path> sources();

    /** Non-file inputs that define the image (toolchain/runtime versions, base image tag). */
    List<String> inputs();

    /** Writes the build context into {@code context}: a {@code Dockerfile} at its root and the files it copies. */
    void stage(Path context, Consumer<String> progress);

    /** {@code ARG}s of the Dockerfile. */
    default Map<String, String> buildArgs() {
        return Map.of();
    }

    /** Makes sure what the Dockerfile starts from exists locally (for example an imported base image). */
    default void prepare(DockerClient docker, Consumer<String> progress) {}
}
