package dev.synwarm.experiment;

import dev.synwarm.gateway.Gateway;
import dev.synwarm.gateway.LaunchSpec;
import dev.synwarm.gateway.TlsIdentity;
import dev.synwarm.gateway.Upstream;
import dev.synwarm.runtime.DockerRuntime;
import dev.synwarm.scenario.ContainerNetwork;
import dev.synwarm.scenario.Mode;
import dev.synwarm.sys.Resources;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the gateway adds to a request: one HTTP/1.1 GET on a fresh TCP connection (as every measured
 * request opens one), answered by a warm fn-static container (real function, started through the
 * runtime by the experiment's own launcher, host networking so no docker-proxy sits in either path).
 *
 * <ul>
 *   <li>{@code viaGateway}: client → the gateway's plain port for the function (warm mode) → container.</li>
 *   <li>{@code directBaseline}: client → the same container's endpoint, the very upstream the gateway uses.</li>
 * </ul>
 * Same request bytes, same response, same client code; the difference is the gateway's accept, head
 * parsing, lease, upstream connect (pre-connected while the head arrives) and relay. Needs root and
 * Docker with the fn-static image built ({@code ./synwarm setup}).
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class GatewayForwardBench {
    private static final String FUNCTION = "fn-static";
    private static final byte[] REQUEST = ("GET / HTTP/1.1\r\nHost: " + FUNCTION + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private Resources res;
    private DockerRuntime runtime;
    private Gateway gateway;
    private InetSocketAddress viaGateway;
    private InetSocketAddress direct;
    private final byte[] buf = new byte[8192];

    @Setup
    public void setUp() {
        res = Resources.open();
        runtime = DockerRuntime.open(res);
        runtime.requireImage(FUNCTION);
        LaunchSpec spec = new LaunchSpec(FUNCTION, Duration.ZERO, Duration.ZERO, ContainerNetwork.HOST);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        gateway = Gateway.start(new Gateway.Config(loopback, 0, List.of(spec), TlsIdentity.generate(res)),
                new RuntimeLauncher(runtime), record -> { }, res);
        gateway.mode(Mode.WARM);
        Upstream up = gateway.warm(FUNCTION);
        direct = up.endpoint();
        viaGateway = new InetSocketAddress(loopback, gateway.portFor(FUNCTION, Mode.WARM, false));
    }

    @TearDown
    public void tearDown() {
        res.close(); // gateway, container, TLS key: newest first
        runtime.close();
    }

    @Benchmark
    public int viaGateway() throws IOException {
        return get(viaGateway);
    }

    @Benchmark
    public int directBaseline() throws IOException {
        return get(direct);
    }

    /** One request on a fresh connection, read to the end; returns the bytes received (fails on non-200). */
    private int get(InetSocketAddress to) throws IOException {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(to, 5_000);
            s.setSoTimeout(5_000);
            s.getOutputStream().write(REQUEST);
            InputStream in = s.getInputStream();
            int total = 0;
            for (int n; (n = in.read(buf, total, buf.length - total)) > 0; ) {
                total += n;
                if (total == buf.length) {
                    throw new IOException("response from " + to + " exceeds " + buf.length + " bytes");
                }
            }
            if (total < 12 || buf[9] != '2' || buf[10] != '0' || buf[11] != '0') {
                throw new IOException("no 200 from " + to + ": " + new String(buf, 0, Math.min(total, 80), StandardCharsets.US_ASCII));
            }
            return total;
        }
    }
}
