package dev.synwarm.runtime.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One {@code docker build} through the engine API (classic builder) from a context directory: tarred by
 * {@code tar} so modes, symlinks and empty directories survive; never pulls (FROM scratch or a local base).
 */
public final class DockerBuild {
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

    private DockerBuild() {}

    public static void build(DockerClient docker, Path context, String tag, Map<String, String> labels,
            Map<String, String> buildArgs, Consumer<String> progress) {
        Path tar = context.resolveSibling(context.getFileName() + ".tar");
        try {
            BuildFiles.tar(context, tar);
            try (InputStream in = Files.newInputStream(tar)) {
                var cmd = docker.buildImageCmd(in)
                        .withTags(Set.of(tag))
                        .withLabels(labels)
                        .withPull(false)
                        .withRemove(true)
                        .withForcerm(true);
                buildArgs.forEach(cmd::withBuildArg);
                cmd.exec(new BuildImageResultCallback() {
                    @Override
                    public void onNext(BuildResponseItem item) {
                        report(item.getStream(), progress);
                        super.onNext(item);
                    }
                }).awaitImageId();
            }
        } catch (IOException | DockerException | DockerClientException e) {
            throw new SystemException("docker build of " + tag + " failed: " + e.getMessage().strip(), e);
        } finally {
            try {
                Files.deleteIfExists(tar);
            } catch (IOException ignored) {
                // a temporary file next to the context, removed with it at worst by the OS
            }
        }
    }

    /** The builder streams output in fragments with colour codes; pass on clean, non-empty lines. */
    static void report(String stream, Consumer<String> progress) {
        if (stream == null) {
            return;
        }
        for (String line : ANSI.matcher(stream).replaceAll("").split("\n")) {
            if (!line.isBlank()) {
                progress.accept(line.strip());
            }
        }
    }
}
