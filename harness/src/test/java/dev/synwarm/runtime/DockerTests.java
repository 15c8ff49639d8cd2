package dev.synwarm.runtime;

import com.github.dockerjava.api.DockerClient;
import dev.synwarm.testing.Requires;
import java.util.List;

/** Preconditions shared by the tests that use the real Docker daemon: root, dockerd started, images built. */
final class DockerTests {
    private static List<ImageBuilder.Built> built;

    private DockerTests() {}

    /** Starts dockerd when it is not running (as {@code ./synwarm setup} does), then requires it. */
    static void requireDocker() {
        Requires.root();
        DockerDaemon.ensureRunning();
        Requires.docker();
    }

    /** Builds every function image that is missing (a no-op when they are current); once per JVM. */
    static synchronized List<ImageBuilder.Built> requireImages() {
        requireDocker();
        if (built == null) {
            built = ImageBuilder.ensureAll(line -> {});
        }
        return built;
    }

    static DockerClient client() {
        return DockerClients.connect(DockerDaemon.ensureRunning());
    }
}
