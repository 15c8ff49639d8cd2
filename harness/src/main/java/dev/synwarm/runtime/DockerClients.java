package dev.synwarm.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.URI;
import java.time.Duration;
import org.testcontainers.shaded.com.github.dockerjava.core.DefaultDockerClientConfig;
import org.testcontainers.shaded.com.github.dockerjava.core.DockerClientImpl;

/**
 * Testcontainers' docker-java client (its shaded docker-java core on the zerodep transport), assembled
 * directly rather than through {@code DockerClientFactory} or {@code getClientForConfig}: those probe
 * provider strategies (writing ~/.testcontainers.properties), start Ryuk, run start-up checks, resolve the
 * Docker host (pulling alpine on this VM, which carries Docker's in-container marker, unless
 * TESTCONTAINERS_HOST_OVERRIDE is set) and look up registry auth through that factory on every create and
 * build. None of that is needed for a local daemon we talk to on its Unix socket, and none of it runs here.
 * The API version is the one negotiated from the daemon's /version (20.10 → 1.41; current engines → 1.44).
 */
public final class DockerClients {
    private DockerClients() {}

    public static DockerClient connect(DockerDaemon.Info daemon) {
        URI host = URI.create("unix://" + daemon.socket().toAbsolutePath());
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host.toString())
                .withApiVersion(daemon.api().toString())
                .build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(host)
                .maxConnections(16)
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
