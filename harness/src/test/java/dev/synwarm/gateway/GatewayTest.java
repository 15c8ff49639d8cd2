package dev.synwarm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.client.ClientJob;
import dev.synwarm.client.ClientProcess;
import dev.synwarm.client.ClientResult;
import dev.synwarm.measure.TimelineRow.Status;
import dev.synwarm.scenario.ContainerNetwork;
import dev.synwarm.scenario.Mode;
import dev.synwarm.sys.Resources;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway with the real client process on loopback and JDK HttpServer functions: routing by port,
 * SYN option and SNI, one start per function, instance-state verdicts, TLS 1.2/1.3.
 */
class GatewayTest {
    private static final String FN = "fn-static";
    private static Resources res;
    private static LoopbackFunctions functions;
    private static Gateway gateway;
    private static ClientProcess client;
    private static TlsIdentity tls;
    private static final Map<String, EdgeRecord> records = new ConcurrentHashMap<>();
    private static final String LO = InetAddress.getLoopbackAddress().getHostAddress();

    @BeforeAll
    static void start() {
        if (!"root".equals(System.getProperty("user.name"))) {
            // /run/synwarm needs root. Never as root: Ownership reads the property once per JVM, and a
            // private state dir would make every later reaper in this JVM take live runs for dead ones.
            System.setProperty("synwarm.stateDir", System.getProperty("java.io.tmpdir") + "/sw-gw-test");
        }
        res = Resources.open();
        functions = new LoopbackFunctions();
        tls = TlsIdentity.generate(res);
        gateway = Gateway.start(new Gateway.Config(InetAddress.getLoopbackAddress(), 0,
                List.of(spec(FN, 50), spec("fn-jvm", 50)), tls), functions, r -> {
                    if (r.requestId() != null) {
                        synchronized (records) {
                            records.put(r.requestId(), r);
                            records.notifyAll();
                        }
                    }
                }, res);
        client = ClientProcess.start(argv -> argv, tls.certificatePem(), tls.keystore(), tls.password(), 60, res);
    }

    @AfterAll
    static void stop() {
        res.close();
        functions.close();
        assertThat(functions.running()).isZero();
    }

    @BeforeEach
    void scaleToZero() {
        gateway.scaleAllToZero();
    }

    private static LaunchSpec spec(String fn, int initMs) {
        return new LaunchSpec(fn, Duration.ofMillis(initMs), Duration.ZERO, ContainerNetwork.BRIDGE);
    }

    private static int seq;

    private static double median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[s.length / 2] / 1e6;
    }

    private static ClientJob job(String protocol, Mode mode, String serverName) {
        int port = gateway.portFor(FN, mode, !protocol.equals("http"));
        return new ClientJob("t" + (++seq), LO, port, protocol, serverName, FN, "/", 10_000);
    }

    private static EdgeRecord edge(ClientResult r) {
        // the gateway records after relaying the last byte, which the client read: it is there already
        // or comes once the gateway's thread runs again (on a busy CI machine that can take a while)
        long deadline = System.nanoTime() + 10_000_000_000L;
        synchronized (records) {
            long left;
            while (!records.containsKey(r.id()) && (left = deadline - System.nanoTime()) > 0) {
                try {
                    records.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        EdgeRecord e = records.get(r.id());
        assertThat(e).as("edge record of " + r.id()).isNotNull();
        return e;
    }

    @Test
    void aColdRequestStartsTheInstanceAndTheNextFindsItReady() {
        gateway.mode(Mode.COLD);
        ClientResult first = client.request(job("http", Mode.COLD, null));
        assertThat(first.ok()).as(first.error()).isTrue();
        EdgeRecord e1 = edge(first);
        assertThat(e1.found()).isEqualTo(InstanceFound.NONE);
        assertThat(e1.startedBy().kind()).isEqualTo(TriggerKind.REQUEST);
        assertThat(Verdict.of(Mode.COLD, e1)).isEqualTo(Verdict.OK);
        assertThat((first.doneNs() - first.connectStartNs()) / 1e6).isGreaterThanOrEqualTo(50.0); // it waited for init

        ClientResult second = client.request(job("http", Mode.COLD, null));
        EdgeRecord e2 = edge(second);
        assertThat(e2.found()).isEqualTo(InstanceFound.READY);
        Verdict v = Verdict.of(Mode.COLD, e2);
        assertThat(v.status()).isEqualTo(Status.excluded);
        assertThat(v.reason()).isEqualTo("cold sample found an instance ready (started by request)");
    }

    @Test
    void theServerNameInTheClientHelloPrewarmsBeforeTheHandshakeEnds() {
        gateway.mode(Mode.SNI);
        for (String protocol : List.of("tls13", "tls12")) {
            gateway.scaleAllToZero();
            ClientResult r = client.request(job(protocol, Mode.SNI, FN));
            assertThat(r.ok()).as(r.error()).isTrue();
            assertThat(r.tlsProtocol()).isEqualTo(protocol.equals("tls13") ? "TLSv1.3" : "TLSv1.2");
            EdgeRecord e = edge(r);
            assertThat(e.function()).isEqualTo(FN);
            assertThat(e.role()).isEqualTo(ListenerRole.NAMED);
            assertThat(e.startedBy().kind()).isEqualTo(TriggerKind.SNI);
            assertThat(e.clientHelloNs()).isLessThan(e.tlsDoneNs());
            assertThat(e.startedBy().eventNs()).isEqualTo(e.clientHelloNs());
            assertThat(Verdict.of(Mode.SNI, e)).isEqualTo(Verdict.OK);
        }
    }

    @Test
    void withoutAServerNameTheSniSampleIsExcluded() {
        gateway.mode(Mode.SNI);
        ClientResult r = client.request(job("tls13", Mode.SNI, null)); // Host header still names the function
        assertThat(r.ok()).as(r.error()).isTrue();
        Verdict v = Verdict.of(Mode.SNI, edge(r));
        assertThat(v.status()).isEqualTo(Status.excluded);
        assertThat(v.reason()).isEqualTo("trigger never fired: no server name in the ClientHello");
    }

    @Test
    void aSynEventForTheConnectionPrewarmsAndItsOptionNamesTheFunctionOnTheSharedPort() throws Exception {
        // The probe's event is synthesised here (the runner's integration test uses the real probe): the
        // request is made from a socket bound first, so the event can name its source port before the SYN.
        gateway.mode(Mode.SYN_OPTION);
        int port = gateway.portFor(FN, Mode.SYN_OPTION, false);
        ClientResult miss = client.request(new ClientJob("t" + (++seq), LO, port, "http", null, "unknown", "/", 10_000));
        assertThat(miss.status()).as("no event, no Host naming a function").isEqualTo(404);

        try (java.net.Socket s = new java.net.Socket()) {
            s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            long now = System.nanoTime();
            gateway.onSyn(new SynSeen(gateway.fnId(FN), TriggerKind.SYN_OPTION, InetAddress.getLoopbackAddress(),
                    s.getLocalPort(), port, now, now));
            assertThat(gateway.active(FN)).as("the event pre-warms").isTrue();
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: unknown\r\nX-Synwarm-Request: opt\r\n\r\n".getBytes());
            String response = new String(s.getInputStream().readAllBytes());
            assertThat(response).startsWith("HTTP/1.1 200");
        }
        EdgeRecord e = edge(new ClientResult("opt", 200, 0, null, null, null, null, null, null, null, 0, ""));
        assertThat(e.function()).isEqualTo(FN);
        assertThat(e.startedBy().kind()).isEqualTo(TriggerKind.SYN_OPTION);
        assertThat(Verdict.of(Mode.SYN_OPTION, e)).isEqualTo(Verdict.OK);
    }

    @Test
    void aSynPortSampleWithoutAnEventIsExcluded() {
        gateway.mode(Mode.SYN_PORT);
        ClientResult r = client.request(job("http", Mode.SYN_PORT, null));
        assertThat(r.ok()).isTrue();
        Verdict v = Verdict.of(Mode.SYN_PORT, edge(r));
        assertThat(v.status()).isEqualTo(Status.excluded);
        assertThat(v.reason()).startsWith("trigger never fired: no SYN event for connection 127.0.0.1:");
    }

    @Test
    void concurrentRequestsJoinOneStart() throws Exception {
        gateway.mode(Mode.COLD);
        int before = functions.launches.get();
        List<ClientResult> results = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            // separate client processes are not needed: the gateway sees concurrent connections from
            // the harness's own requester threads here
            List<Future<Lease>> leases = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                leases.add(pool.submit(() -> gateway.acquire(FN, new Trigger(TriggerKind.REQUEST, 0, 0, "x"))));
            }
            for (Future<Lease> f : leases) {
                assertThat(f.get().upstream()).isNotNull();
            }
            assertThat(leases.stream().map(f -> f.resultNow().found()))
                    .isSubsetOf(InstanceFound.NONE, InstanceFound.STARTING, InstanceFound.READY)
                    .containsOnlyOnce(InstanceFound.NONE);
        }
        assertThat(functions.launches.get() - before).isEqualTo(1);
        results.add(client.request(job("http", Mode.COLD, null)));
        assertThat(results).allMatch(ClientResult::ok);
    }

    @Test
    void warmModeStartsAheadAndTheRequestFindsItReady() {
        gateway.mode(Mode.WARM);
        gateway.warm(FN);
        ClientResult r = client.request(job("tls13", Mode.WARM, FN));
        EdgeRecord e = edge(r);
        assertThat(e.found()).isEqualTo(InstanceFound.READY);
        assertThat(Verdict.of(Mode.WARM, e)).isEqualTo(Verdict.OK);
    }

    @Test
    void theForwardingPathAddsLittleOverCallingTheInstanceDirectly() {
        gateway.mode(Mode.WARM);
        Upstream up = gateway.warm(FN);
        int n = 300;
        long[] direct = new long[n];
        long[] via = new long[n];
        for (int i = 0; i < n; i++) {
            ClientResult d = client.request(new ClientJob("d" + i, LO, up.endpoint().getPort(), "http", null, FN, "/", 5_000));
            ClientResult g = client.request(job("http", Mode.WARM, null));
            assertThat(d.ok() && g.ok()).isTrue();
            direct[i] = d.doneNs() - d.connectStartNs();
            via[i] = g.doneNs() - g.connectStartNs();
        }
        List<EdgeRecord> edges = records.values().stream()
                .filter(e -> e.mode() == Mode.WARM && e.responseDoneNs() != null).toList();
        System.out.printf("[gateway phases] median accept->head %.3f, head->forwarded %.3f, forwarded->first byte %.3f,"
                        + " first byte->relayed %.3f ms (n=%d)%n",
                median(edges.stream().mapToLong(e -> e.requestAtGatewayNs() - e.acceptedNs()).toArray()),
                median(edges.stream().mapToLong(e -> e.forwardedNs() - e.requestAtGatewayNs()).toArray()),
                median(edges.stream().mapToLong(e -> e.responseAtGatewayNs() - e.forwardedNs()).toArray()),
                median(edges.stream().mapToLong(e -> e.responseDoneNs() - e.responseAtGatewayNs()).toArray()),
                edges.size());
        Arrays.sort(direct);
        Arrays.sort(via);
        // Reported, not asserted: timing on a shared 2-CPU machine is noise for a unit test.
        System.out.printf("[gateway overhead] median direct %.3f ms, via gateway %.3f ms, added %.3f ms%n",
                direct[n / 2] / 1e6, via[n / 2] / 1e6, (via[n / 2] - direct[n / 2]) / 1e6);
        assertThat(via[n / 2]).isPositive();
    }
}
