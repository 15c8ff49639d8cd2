package dev.synwarm.runtime.image;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** fn-python: fn.py on the imported debootstrap minbase rootfs with python3. */
public record PythonImage(Path dir, DebianRootfs base) implements ImageRecipe {
    @Override
    public String function() {
        return "fn-python";
    }

    @Override
    public List<Path> sources() {
        return List.of(dir.resolve("fn.py"), dir.resolve("Dockerfile"));
    }

    @Override
    public List<String> inputs() {
        return List.of("base " + base.tag());
    }

    @Override
    public Map<String, String> buildArgs() {
        return Map.of("BASE", base.tag());
    }

    @Override
    public void prepare(DockerClient docker, Consumer<String> progress) {
        base.ensureImported(docker, progress);
    }

    @Override
    public void stage(Path context, Consumer<String> progress) {
        BuildFiles.copy(dir.resolve("fn.py"), context.resolve("fn.py"));
        BuildFiles.copy(dir.resolve("Dockerfile"), context.resolve("Dockerfile"));
    }
}
