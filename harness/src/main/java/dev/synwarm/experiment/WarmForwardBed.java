package dev.synwarm.experiment;

import dev.synwarm.client.ClientJob;
import dev.synwarm.client.ClientResult;
import dev.synwarm.client.InProcessClient;
import dev.synwarm.gateway.EdgeRecord;
import dev.synwarm.gateway.Gateway;
import dev.synwarm.gateway.LaunchSpec;
import dev.synwarm.gateway.TlsIdentity;
import dev.synwarm.gateway.Upstream;
import dev.synwarm.runtime.DockerRuntime;
import dev.synwarm.scenario.ContainerNetwork;
import dev.synwarm.scenario.Mode;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.SystemException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One warm fn-static container (host network, so no docker-proxy in any path) behind a gateway in warm
 * mode on loopback, and the experiment client's request code aimed at either: what the gateway-overhead
 * measurements (JMH and end-to-end) share. Needs root and the fn-static image ({@code ./synwarm setup}).
 */
public final class WarmForwardBed implements AutoCloseable {
    public static final String FUNCTION = "fn-static";
    private static final long TIMEOUT_MS = 5_000;

    private final Resources res;
    private final DockerRuntime runtime;
    private final String host;
    private final int directPort;
    private final int gatewayPort;
    private final InProcessClient client;

    /** @param records the gateway's record of each request (requests sent with an id only) */
    public WarmForwardBed(Consumer<EdgeRecord> records) {
        res = Resources.open();
        try {
            runtime = DockerRuntime.open(res);
            runtime.requireImage(FUNCTION);
            InetAddress loopback = InetAddress.getLoopbackAddress();
            LaunchSpec spec = new LaunchSpec(FUNCTION, Duration.ZERO, Duration.ZERO, ContainerNetwork.HOST);
            TlsIdentity tls = TlsIdentity.generate(res);
            Gateway gateway = Gateway.start(new Gateway.Config(loopback, 0, List.of(spec), tls), new RuntimeLauncher(runtime),
                    r -> {
                        if (r.requestId() != null) {
                            records.accept(r);
                        }
                    }, res);
            gateway.mode(Mode.WARM);
            Upstream up = gateway.warm(FUNCTION);
            host = loopback.getHostAddress();
            directPort = up.endpoint().getPort();
            gatewayPort = gateway.portFor(FUNCTION, Mode.WARM, false);
            client = new InProcessClient(tls.certificatePem());
        } catch (RuntimeException e) {
            res.close();
            throw e;
        }
    }

    /** A plain-HTTP GET straight to the container's endpoint, the very upstream the gateway forwards to. */
    public ClientJob direct(String id) {
        return new ClientJob(id, host, directPort, "http", null, FUNCTION, "/", TIMEOUT_MS);
    }

    /** The same GET to the gateway's plain port for the function. */
    public ClientJob viaGateway(String id) {
        return new ClientJob(id, host, gatewayPort, "http", null, FUNCTION, "/", TIMEOUT_MS);
    }

    /** Makes the request on a fresh connection; fails unless it got a 200. */
    public ClientResult request(ClientJob job) {
        ClientResult r = client.request(job);
        if (!r.ok()) {
            throw new SystemException("request to " + job.host() + ":" + job.port() + " failed: status " + r.status() + " " + r.error());
        }
        return r;
    }

    /** Closes the gateway, stops the container and deletes the TLS key. */
    @Override
    public void close() {
        res.close(); // newest first: gateway (scales to zero), TLS key
        runtime.close();
    }
}
