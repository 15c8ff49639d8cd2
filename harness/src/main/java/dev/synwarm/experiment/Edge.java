package dev.synwarm.experiment;

import dev.synwarm.bpf.AttachMode;
import dev.synwarm.bpf.ConsumerKind;
import dev.synwarm.bpf.FnIdTagger;
import dev.synwarm.bpf.PrewarmProbe;
import dev.synwarm.bpf.SynEvent;
import dev.synwarm.bpf.TriggerSource;
import dev.synwarm.client.ClientJob;
import dev.synwarm.client.ClientProcess;
import dev.synwarm.client.ClientResult;
import dev.synwarm.client.InProcessClient;
import dev.synwarm.gateway.EdgeRecord;
import dev.synwarm.gateway.Gateway;
import dev.synwarm.gateway.LaunchSpec;
import dev.synwarm.gateway.PrewarmLimits;
import dev.synwarm.gateway.SynSeen;
import dev.synwarm.gateway.TlsIdentity;
import dev.synwarm.gateway.TriggerKind;
import dev.synwarm.net.EmulatorChoice;
import dev.synwarm.net.LatencyEmulator;
import dev.synwarm.net.LinkSpec;
import dev.synwarm.net.Topology;
import dev.synwarm.runtime.DockerDaemon;
import dev.synwarm.runtime.DockerRuntime;
import dev.synwarm.scenario.EmulatorKind;
import dev.synwarm.scenario.Link;
import dev.synwarm.scenario.Mode;
import dev.synwarm.sys.KillPoint;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.RunId;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The prepared testbed of one run: client netns and WAN link (net), edge gateway with its TLS identity,
 * SYN probe on the edge interface and SYN-option tagger on the client cgroup (bpf), containers
 * (runtime). Every piece is registered in the run's {@link Resources}.
 */
public final class Edge implements AutoCloseable {
    /**
     * @param functions the functions to serve and how they start at first
     * @param limits    what pre-warm triggers may cost (kernel cooldown, starts in flight, claim timeout)
     * @param probe false leaves the SYN probe off (the syn modes then get no trigger): the control run
     *     that shows the regression checks catch a dead pre-warm path
     */
    public record Options(List<LaunchSpec> functions, AttachMode hook, int basePort, PrewarmLimits limits,
            boolean probe) {}

    private final Topology topology;
    private final TlsIdentity tls;
    private final Gateway gateway;
    private final PrewarmProbe probe;
    private final FnIdTagger tagger;
    private final String dockerVersion;
    private final Resources res;
    /** The daemon as the last repetition found it: a different pid now means its containers are gone. */
    private DockerDaemon.State docker;
    private LatencyEmulator emulator;
    private Link link;

    private Edge(Topology topology, TlsIdentity tls, Gateway gateway, PrewarmProbe probe, FnIdTagger tagger,
            String dockerVersion, Resources res) {
        this.topology = topology;
        this.tls = tls;
        this.gateway = gateway;
        this.probe = probe;
        this.tagger = tagger;
        this.dockerVersion = dockerVersion;
        this.res = res;
    }

    /**
     * Builds the testbed; images are checked first, so a missing one is a usage error before anything
     * is created. {@code records} receives every request the gateway handled.
     */
    public static Edge prepare(Options o, Consumer<EdgeRecord> records, Resources res) {
        RunId id = res.runId();
        DockerRuntime runtime = DockerRuntime.open(res);
        res.add("container runtime", runtime::close);
        o.functions().forEach(f -> runtime.requireImage(f.function()));
        KillPoint.reached("runtime.opened", id);
        Topology topology = Topology.create(res);
        KillPoint.reached("topology.done", id);
        TlsIdentity tls = TlsIdentity.generate(res);
        KillPoint.reached("tls.generated", id);
        Gateway gateway = Gateway.start(new Gateway.Config(topology.edgeAddress(), o.basePort(), o.functions(), tls, o.limits()),
                new RuntimeLauncher(runtime), records, res);
        KillPoint.reached("gateway.listening", id);
        PrewarmProbe probe = o.probe() ? attachProbe(topology, o.hook(), o.limits().cooldown(), gateway, res) : null;
        KillPoint.reached("probe.attached", id);
        FnIdTagger tagger = FnIdTagger.attach(topology.clientCgroup(), res);
        KillPoint.reached("tagger.attached", id);
        return new Edge(topology, tls, gateway, probe, tagger, runtime.daemon().engineVersion(), res);
    }

    private static PrewarmProbe attachProbe(Topology topology, AttachMode hook, Duration cooldown, Gateway gateway,
            Resources res) {
        PrewarmProbe probe = PrewarmProbe.attach(topology.edgeInterface(), hook, ConsumerKind.BLOCKING, cooldown,
                e -> gateway.onSyn(seen(e)), res);
        for (String fn : gateway.functions()) {
            gateway.functionPorts(fn).forEach(port -> probe.mapPort(port, gateway.fnId(fn)));
        }
        return probe;
    }

    private static SynSeen seen(SynEvent e) {
        TriggerKind kind = e.source() == TriggerSource.PORT ? TriggerKind.SYN_PORT : TriggerKind.SYN_OPTION;
        return new SynSeen(e.fnId(), kind, e.saddr(), e.sport(), e.dport(), e.ktimeNs(), e.receivedNs());
    }

    /** Starts the client process in the client netns and cgroup; it warms up before this returns. */
    public ClientProcess startClient(int warmups) {
        ClientProcess c = ClientProcess.start(topology::inClient, tls.certificatePem(), tls.keystore(), tls.password(), warmups, res);
        KillPoint.reached("client.started", res.runId());
        return c;
    }

    /** Emulates {@code next} on the WAN unless it is already the link; returns the emulator backend. */
    public String useLink(Link next, EmulatorKind kind) {
        if (!next.equals(link)) {
            EmulatorChoice choice = switch (kind) {
                case AUTO -> EmulatorChoice.AUTO;
                case NETEM -> EmulatorChoice.NETEM;
                case DELAYLINE -> EmulatorChoice.DELAYLINE;
            };
            if (emulator != null) {
                emulator.close();
            }
            emulator = topology.emulate(new LinkSpec(next.oneWay(), next.jitter(), next.lossPercent()), choice);
            link = next;
            KillPoint.reached("link.emulated", res.runId());
        }
        return emulator.backend();
    }

    /**
     * Puts {@code spec.function()} in {@code mode}: scaled to zero (so no instance of an earlier cell or
     * mode is mistaken for one of this cell), later starts per {@code spec}, SYNs tagged.
     */
    public void use(LaunchSpec spec, Mode mode) {
        gateway.deploy(spec);
        gateway.mode(mode);
        if (mode == Mode.SYN_OPTION) {
            int id = gateway.fnId(spec.function());
            gateway.optionPorts().forEach(p -> tagger.tag(p, id));
        }
    }

    /**
     * Warms the gateway's JIT (accept, TLS 1.2/1.3 handshakes, SNI, routing, forwarding) with unmeasured
     * requests from this process to its listeners: local traffic that never crosses the WAN or the
     * probe's interface. Uses a warm instance of the first function and scales it to zero afterwards.
     */
    public void warmGateway(int requests) {
        String fn = gateway.functions().getFirst();
        Mode before = gateway.mode();
        gateway.mode(Mode.COLD); // no trigger pre-warms during the warm-up
        gateway.warm(fn);
        InProcessClient c = new InProcessClient(tls.certificatePem());
        String host = topology.edgeAddress().getHostAddress();
        Mode[] roles = {Mode.COLD, Mode.SYN_OPTION, Mode.SNI};
        String[] protocols = {"http", "tls13", "tls12"};
        int failed = 0;
        for (int i = 0; i < requests; i++) {
            String protocol = protocols[i % protocols.length];
            boolean tlsOn = !protocol.equals("http");
            int port = gateway.portFor(fn, roles[(i / protocols.length) % roles.length], tlsOn);
            ClientResult r = c.request(new ClientJob(null, host, port, protocol, tlsOn ? fn : null, fn, "/", 5_000));
            failed += r.ok() ? 0 : 1;
        }
        KillPoint.reached("gateway.warmed", res.runId());
        gateway.scaleAllToZero();
        gateway.mode(before);
        if (failed == requests) {
            throw new dev.synwarm.sys.SystemException("the gateway answered none of its " + requests + " warm-up requests");
        }
    }

    public Gateway gateway() {
        return gateway;
    }

    public Topology topology() {
        return topology;
    }

    public TlsIdentity tls() {
        return tls;
    }

    public InetAddress edgeAddress() {
        return topology.edgeAddress();
    }

    public String dockerVersion() {
        return dockerVersion;
    }

    /**
     * Before a repetition: waits for the Docker daemon when it is away (up to
     * {@link DockerRuntime#DAEMON_RETURN_TIMEOUT}, then a SystemException ends the run), and when it
     * restarted since the last repetition, scales every function to zero, since their containers were
     * stopped with it and the gateway would otherwise forward to a dead instance. Returns the state the
     * repetition starts from.
     */
    public DockerDaemon.State awaitDocker() {
        DockerDaemon.State now = DockerDaemon.awaitAnswer(DockerRuntime.DAEMON_RETURN_TIMEOUT);
        if (docker != null && docker.lostSince(now, DockerDaemon.socket()).isPresent()) {
            gateway.scaleAllToZero();
        }
        docker = now;
        return now;
    }

    /** After a failed repetition: why, if the Docker daemon went away since {@code before}. */
    public java.util.Optional<String> dockerLostSince(DockerDaemon.State before) {
        return before.lostSince(DockerDaemon.state(), DockerDaemon.socket());
    }

    /** Empty when the run left the probe off. */
    public java.util.Optional<PrewarmProbe> probe() {
        return java.util.Optional.ofNullable(probe);
    }

    /** Everything is released through the run's {@link Resources}; this only drops the link early. */
    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
            link = null;
        }
    }
}
