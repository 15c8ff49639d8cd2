package dev.synwarm.runtime;

import com.github.dockerjava.api.DockerClient;
import java.net.URI;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * Builds Testcontainers' docker-java client for the local daemon without the rest of Testcontainers:
 * no provider-strategy probing (which writes ~/.testcontainers.properties), no start-up checks, no Ryuk,
 * and no Docker-host discovery (which, on this VM with Docker's in-container marker file, would pull alpine
 * to find the host unless TESTCONTAINERS_HOST_OVERRIDE is set). The endpoint is 127.0.0.1 by construction.
 */
public final class DockerClients {
    private DockerClients() {}

    public static DockerClient connect(DockerDaemon.Info daemon) {
        // docker-java reads the API version from this property; negotiated from the daemon's /version, it
        // spares Testcontainers' 1.44-then-1.32 fallback and gives 20.10 the 1.41 it speaks.
        System.setProperty("api.version", daemon.api().toString());
        TransportConfig transport = TransportConfig.builder()
                .dockerHost(URI.create("unix://" + daemon.socket().toAbsolutePath()))
                .build();
        return DockerClientProviderStrategy.getClientForConfig(transport);
    }
}
