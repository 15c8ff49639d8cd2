package dev.synwarm.gateway;

import dev.synwarm.measure.MonotonicClock;
import dev.synwarm.scenario.Mode;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The FaaS edge: listeners per function (plain and TLS) plus shared ports where a SYN option or the
 * TLS server name names the function; one {@link FunctionPool} per function; pre-warm triggers
 * filtered by the current {@link Mode}; one {@link EdgeRecord} per request to {@code sink}.
 *
 * <p>Port layout for base port B (0 = ephemeral ports): function i plain B+2i, TLS B+2i+1; the SYN
 * option ports B+100/B+101; the server-name ports B+102/B+103.
 */
public final class Gateway implements AutoCloseable {
    /**
     * @param functions what each function starts with; their order gives function ids 1, 2, …
     * @param limits    what pre-warm triggers may cost (the cooldown part is the probe's to apply)
     */
    public record Config(InetAddress bind, int basePort, List<LaunchSpec> functions, TlsIdentity tls, PrewarmLimits limits) {
        public Config(InetAddress bind, int basePort, List<LaunchSpec> functions, TlsIdentity tls) {
            this(bind, basePort, functions, tls, PrewarmLimits.EXPERIMENT);
        }
    }

    private final Map<String, FunctionPool> pools = new LinkedHashMap<>();
    private final Map<Integer, String> byId = new ConcurrentHashMap<>();
    private final Map<String, Integer> idOf = new ConcurrentHashMap<>();
    private final Map<String, SynSeen> syns = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final Consumer<EdgeRecord> sink;
    private final PrewarmBudget budget;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Mode mode = Mode.COLD;

    private Gateway(Consumer<EdgeRecord> sink, PrewarmLimits limits) {
        this.sink = sink;
        this.budget = new PrewarmBudget(limits);
    }

    /** Binds every listener; registered in {@code res} so Ctrl-C closes it and stops its instances. */
    public static Gateway start(Config config, InstanceLauncher launcher, Consumer<EdgeRecord> sink, Resources res) {
        Gateway g = new Gateway(sink, config.limits());
        res.add("gateway", g::close);
        SSLContext tls = config.tls().serverContext();
        int b = config.basePort();
        try {
            int i = 0;
            for (LaunchSpec spec : config.functions()) {
                g.pools.put(spec.function(), new FunctionPool(launcher, spec, g.budget));
                g.byId.put(i + 1, spec.function());
                g.idOf.put(spec.function(), i + 1);
                g.bind(config.bind(), b == 0 ? 0 : b + 2 * i, ListenerRole.FUNCTION, spec.function(), null);
                g.bind(config.bind(), b == 0 ? 0 : b + 2 * i + 1, ListenerRole.FUNCTION, spec.function(), tls);
                i++;
            }
            g.bind(config.bind(), b == 0 ? 0 : b + 100, ListenerRole.OPTION, null, null);
            g.bind(config.bind(), b == 0 ? 0 : b + 101, ListenerRole.OPTION, null, tls);
            g.bind(config.bind(), b == 0 ? 0 : b + 102, ListenerRole.NAMED, null, null);
            g.bind(config.bind(), b == 0 ? 0 : b + 103, ListenerRole.NAMED, null, tls);
        } catch (IOException e) {
            g.close();
            throw new SystemException("gateway cannot listen on " + config.bind().getHostAddress() + ": " + e.getMessage(), e);
        }
        return g;
    }

    private void bind(InetAddress at, int port, ListenerRole role, String function, SSLContext tls) throws IOException {
        listeners.add(new Listener(at, port, role, function, tls, (s, t, l) -> new Exchange(this, s, t, l).run()));
    }

    public List<String> functions() {
        return List.copyOf(pools.keySet());
    }

    /** The id the probe and the sock_ops tagger use for {@code function}. */
    public int fnId(String function) {
        Integer id = idOf.get(function);
        if (id == null) {
            throw new IllegalArgumentException("the gateway does not serve " + function);
        }
        return id;
    }

    /** The port a client uses for {@code function} in {@code mode}. */
    public int portFor(String function, Mode mode, boolean tls) {
        ListenerRole role = switch (mode) {
            case SYN_OPTION -> ListenerRole.OPTION;
            case SNI -> ListenerRole.NAMED;
            default -> ListenerRole.FUNCTION;
        };
        return listeners.stream()
                .filter(l -> l.role() == role && l.tls() == tls && (role != ListenerRole.FUNCTION || l.function().equals(function)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the gateway does not serve " + function))
                .port();
    }

    /** The function's own ports (plain and TLS): what the probe maps to its id for syn-port. */
    public List<Integer> functionPorts(String function) {
        return listeners.stream().filter(l -> function.equals(l.function())).map(Listener::port).toList();
    }

    /** The shared port whose SYNs the client tags with the function id (syn-option). */
    public List<Integer> optionPorts() {
        return listeners.stream().filter(l -> l.role() == ListenerRole.OPTION).map(Listener::port).toList();
    }

    public Mode mode() {
        return mode;
    }

    /** Sets which triggers pre-warm from now on. */
    public void mode(Mode next) {
        mode = next;
    }

    /** Scales {@code spec.function()} to zero; later starts use {@code spec}. */
    public void deploy(LaunchSpec spec) {
        pool(spec.function()).redeploy(spec);
    }

    public LaunchSpec deployed(String function) {
        return pool(function).spec();
    }

    /** Starts (if needed) and waits for a ready instance: the warm mode's set-up. */
    public Upstream warm(String function) {
        return pool(function).warm();
    }

    public boolean active(String function) {
        return pool(function).active();
    }

    public void scaleToZero(String function) {
        pool(function).scaleToZero();
    }

    public void scaleAllToZero() {
        pools.values().forEach(FunctionPool::scaleToZero);
    }

    /** Stops instances idle for {@code idle}; returns how many it stopped. */
    public int scaleIdle(Duration idle) {
        return (int) pools.values().stream().filter(p -> p.scaleIfIdle(idle)).count();
    }

    /** A SYN seen by the probe: kept for its connection's record, and a pre-warm when the mode wants it. */
    public void onSyn(SynSeen e) {
        long now = MonotonicClock.nowNs();
        if (syns.size() > 4096) { // connections that never sent a request: forget them after a minute
            syns.values().removeIf(s -> now - s.receivedNs() > 60_000_000_000L);
        }
        syns.put(e.connection(), e);
        String fn = byId.get(e.fnId());
        if (fn != null && honours(e.kind())) {
            pool(fn).prewarm(new Trigger(e.kind(), e.hookNs(), now, e.connection()));
        }
    }

    /** What pre-warm triggers have cost so far. */
    public PrewarmStats prewarmStats() {
        return budget.stats();
    }

    /** The instance behind {@code dead} failed a request: the next one starts afresh. */
    void forget(String function, Upstream dead) {
        pool(function).forget(dead);
    }

    void onClientHello(String connection, String serverName, long atNs) {
        FunctionPool p = pools.get(serverName);
        if (p != null && honours(TriggerKind.SNI)) {
            p.prewarm(new Trigger(TriggerKind.SNI, atNs, MonotonicClock.nowNs(), connection));
        }
    }

    private boolean honours(TriggerKind kind) {
        return switch (mode) {
            case SYN_PORT -> kind == TriggerKind.SYN_PORT;
            case SYN_OPTION -> kind == TriggerKind.SYN_OPTION;
            case SNI -> kind == TriggerKind.SNI;
            case COLD, WARM -> false;
        };
    }

    SynSeen takeSyn(String connection) {
        return syns.remove(connection);
    }

    /** The function a connection asks for, by port, SYN option, server name or Host; null when none. */
    String resolve(Listener l, SynSeen syn, String serverName, String host) {
        if (l.role() == ListenerRole.FUNCTION) {
            return l.function();
        }
        if (l.role() == ListenerRole.OPTION && syn != null && syn.kind() == TriggerKind.SYN_OPTION && byId.containsKey(syn.fnId())) {
            return byId.get(syn.fnId());
        }
        if (serverName != null && pools.containsKey(serverName)) {
            return serverName;
        }
        return host != null && pools.containsKey(host) ? host : null;
    }

    /** Where the function's ready instance listens, null when none is ready (or no such function). */
    java.net.InetSocketAddress readyEndpoint(String function) {
        FunctionPool p = function == null ? null : pools.get(function);
        Upstream up = p == null ? null : p.readyNow();
        return up == null ? null : up.endpoint();
    }

    Lease acquire(String function, Trigger request) {
        return pool(function).acquire(request);
    }

    void record(EdgeRecord r) {
        EdgeRecord full = r;
        if (r.syn() == null) { // the probe's event may have come after the request: say so in the record
            SynSeen late = syns.remove(r.connection());
            if (late != null) {
                full = new EdgeRecord(r.requestId(), r.function(), r.connection(), r.role(), r.tls(), r.mode(),
                        r.acceptedNs(), r.tlsDoneNs(), r.clientHelloNs(), r.requestAtGatewayNs(), r.forwardedNs(),
                        r.responseAtGatewayNs(), r.responseDoneNs(), late, r.found(), r.startedBy(), r.start(),
                        r.fnInitMs(), r.status(), r.error());
            }
        }
        try {
            sink.accept(full);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Gateway.class).warn("edge record sink failed: {}", e.toString());
        }
    }

    private FunctionPool pool(String function) {
        FunctionPool p = pools.get(function);
        if (p == null) {
            throw new IllegalArgumentException("the gateway does not serve " + function);
        }
        return p;
    }

    /** Closes the listeners and scales every function to zero. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Listener l : listeners) {
            try {
                l.close();
            } catch (IOException ignored) {
                // closing a listening socket fails only when it is already closed
            }
        }
        budget.close();
        scaleAllToZero();
    }
}
