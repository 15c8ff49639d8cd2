package dev.synwarm.experiment;

import dev.synwarm.bpf.AttachMode;
import dev.synwarm.gateway.EdgeRecord;
import dev.synwarm.gateway.Gateway;
import dev.synwarm.gateway.LaunchSpec;
import dev.synwarm.gateway.PrewarmLimits;
import dev.synwarm.scenario.EmulatorKind;
import dev.synwarm.scenario.Link;
import dev.synwarm.scenario.Mode;
import dev.synwarm.sys.Durations;
import dev.synwarm.sys.Resources;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;

/** {@code serve}: the edge for people (curl, a browser in the netns) instead of the runner's client. */
public final class Serve {
    /** @param limits what SYNs from the client netns may cost (anyone there can send them) */
    public record Options(LaunchSpec function, Link link, EmulatorKind emulator, Mode mode, boolean tls, Duration idle,
            AttachMode hook, PrewarmLimits limits) {}

    private Serve() {}

    public static void run(Options o, StopSignal stop, PrintStream out) throws InterruptedException {
        try (Resources res = Resources.open()) {
            java.util.concurrent.atomic.AtomicBoolean live = new java.util.concurrent.atomic.AtomicBoolean();
            Edge edge = Edge.prepare(new Edge.Options(List.of(o.function()), o.hook(), 0, o.limits(), true), r -> {
                if (live.get()) { // the gateway's own warm-up requests are not worth a line each
                    out.println(line(r));
                }
            }, res);
            edge.warmGateway(150);
            String backend = edge.useLink(o.link(), o.emulator());
            String fn = o.function().function();
            edge.use(o.function(), o.mode());
            Gateway g = edge.gateway();
            if (o.mode() == Mode.WARM) {
                g.warm(fn);
            }
            String host = edge.edgeAddress().getHostAddress();
            int port = g.portFor(fn, o.mode(), o.tls());
            String url = o.tls() ? "https://" + fn + ":" + port + "/" : "http://" + host + ":" + port + "/";
            String curl = o.tls() ? "curl --cacert " + edge.tls().certificatePem() + " --resolve " + fn + ":" + port + ":" + host + " " + url
                    : "curl -H 'Host: " + fn + "' " + url;
            out.println("edge: " + fn + " init " + Durations.format(o.function().init()) + ", mode " + o.mode()
                    + ", link one-way " + Durations.format(o.link().oneWay()) + " via " + backend + ", idle scale-down after "
                    + Durations.format(o.idle()));
            out.println("client netns: " + edge.topology().clientNetns() + " (client " + edge.topology().clientAddress().getHostAddress()
                    + ", edge " + host + ")");
            out.println("endpoint: " + url);
            out.println("try: ip netns exec " + edge.topology().clientNetns() + " " + curl);
            if (o.mode() == Mode.SYN_OPTION) { // the tagger only sees processes in the client cgroup
                out.println("syn-option needs the client cgroup: "
                        + edge.topology().inClient(List.of(curl.split(" "))).stream().map(Serve::quote).collect(Collectors.joining(" ")));
            }
            PrewarmLimits l = o.limits();
            out.println("pre-warm limits: one SYN trigger per function per " + Durations.format(l.cooldown()) + " (in the kernel), "
                    + l.maxStartsInFlight() + " pre-warm starts at once, an unclaimed instance stops after "
                    + Durations.format(l.claimTimeout()));
            out.println("Ctrl-C stops.");
            live.set(true);
            out.flush();
            Duration tick = o.idle().dividedBy(4).compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50) : o.idle().dividedBy(4);
            while (!stop.await(tick)) {
                if (o.mode() != Mode.WARM && g.scaleIdle(o.idle()) > 0) {
                    out.println(LocalTime.now() + " " + fn + " idle for " + Durations.format(o.idle()) + ": scaled to zero");
                }
            }
            out.println("pre-warm cost: " + g.prewarmStats() + "; probe: " + edge.probe().map(p -> p.stats().toString()).orElse("off"));
        }
    }

    /** One request's timeline in milliseconds from its SYN (or from the request when no SYN was seen). */
    static String line(EdgeRecord r) {
        long t0 = r.syn() != null ? r.syn().hookNs() : r.acceptedNs();
        StringBuilder b = new StringBuilder(LocalTime.now().toString()).append(' ').append(r.function()).append(' ')
                .append(r.connection()).append(r.tls() ? " tls" : " http").append(" status ").append(r.status())
                .append(" instance ").append(Samples.state(r));
        b.append(r.syn() != null ? " | syn 0" : " | accept 0");
        append(b, "trigger", t0, r.startedBy() != null && r.connection().equals(r.startedBy().connection()) ? r.startedBy().handledNs() : null);
        append(b, "hello", t0, r.clientHelloNs());
        append(b, "request", t0, r.requestAtGatewayNs());
        append(b, "ready", t0, r.start() != null && r.startedBy() != null && r.connection().equals(r.startedBy().connection())
                ? r.start().readyNs() : null);
        append(b, "forwarded", t0, r.forwardedNs());
        append(b, "response", t0, r.responseAtGatewayNs());
        if (!r.error().isEmpty()) {
            b.append(" | error ").append(r.error());
        }
        return b.append(" ms").toString();
    }

    private static void append(StringBuilder b, String what, long t0, Long t) {
        if (t != null) {
            b.append(String.format(" | %s %.1f", what, (t - t0) / 1e6));
        }
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
