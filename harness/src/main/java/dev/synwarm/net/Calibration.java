package dev.synwarm.net;

import dev.synwarm.sys.Durations;
import dev.synwarm.sys.Proc;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.SystemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code calibrate} use case: build a topology, apply a link, and measure what a client in the client
 * namespace sees against the edge address (TCP connect, request/response, ping), to check the emulator
 * delivers 2×one-way.
 */
public final class Calibration {
    private static final Pattern PING_TIME = Pattern.compile("time=([0-9.]+) ms");
    private static final Pattern PING_SUMMARY = Pattern.compile("= ([0-9.]+)/([0-9.]+)/([0-9.]+)/([0-9.]+) ms");
    /** Unmeasured connections first: the client JVM's JIT and the kernel's caches warm up on them. */
    private static final int CLIENT_WARMUP = 30;
    private static final List<String> CLIENT_JVM = List.of("-XX:+UseSerialGC", "-Xmx64m", "-XX:-UsePerfData");

    private Calibration() {}

    /** What to calibrate; {@code profile} only labels the report. */
    public record Request(LinkSpec link, EmulatorChoice emulator, int samples, String profile) {
        public Request {
            if (samples < 1) {
                throw new IllegalArgumentException("samples must be at least 1, not " + samples);
            }
        }
    }

    public static CalibrationReport run(Resources res, Request req, Consumer<String> progress) {
        progress.accept("building the topology (run " + res.runId() + ")");
        try (Topology topo = Topology.create(res)) {
            topo.backendFor(req.emulator()); // an unavailable backend fails before any measuring
            Baseline base = baseline(topo, req, progress);
            progress.accept("starting the emulator (" + req.emulator().cliName() + ") for " + req.link());
            try (LatencyEmulator emu = topo.emulate(req.link(), req.emulator());
                    EchoServer server = EchoServer.start(topo.edgeAddress())) {
                progress.accept(emu.backend() + " up; ping x" + req.samples() + " from " + topo.clientNetns());
                PingResult ping = ping(topo, req);
                progress.accept("TCP connect + request/response x" + req.samples() + " (after "
                        + CLIENT_WARMUP + " warm-up connections)");
                double[][] tcp = tcp(topo, server.port(), req);
                return report(req, emu, tcp[0], tcp[1], ping, base);
            }
        }
    }

    /** Medians over a plain wire (no emulation): what the host itself adds to each measure. */
    private record Baseline(double connectP50, double rrP50, double pingP50) {}

    private static Baseline baseline(Topology topo, Request req, Consumer<String> progress) {
        progress.accept("baseline without emulation (tc wire): ping and TCP x" + req.samples());
        Topology.Wire wire = topo.directWire();
        try (EchoServer server = EchoServer.start(topo.edgeAddress())) {
            Request direct = new Request(LinkSpec.of(Duration.ZERO), req.emulator(), req.samples(), req.profile());
            double[] ping = ping(topo, direct).times();
            double[][] tcp = tcp(topo, server.port(), direct);
            return new Baseline(new Percentiles(tcp[0]).at(50), new Percentiles(tcp[1]).at(50),
                    ping.length > 0 ? new Percentiles(ping).at(50) : Double.NaN);
        } finally {
            wire.close();
        }
    }

    /** ping's own mean RTT from its summary line (µs resolution, unlike the per-reply times), or NaN. */
    static double pingMean(String pingOutput) {
        Matcher m = PING_SUMMARY.matcher(pingOutput);
        return m.find() ? Double.parseDouble(m.group(2)) : Double.NaN;
    }

    private record PingResult(double[] times, double mean) {}

    private static PingResult ping(Topology topo, Request req) {
        Duration limit = timeout(req.link()).multipliedBy(2).plus(Duration.ofMillis(20L * req.samples()));
        Proc.Result r = Proc.run(topo.inClient(List.of("ping", "-n", "-c", Integer.toString(req.samples()),
                "-i", "0.02", "-W", Long.toString(timeout(req.link()).toSeconds()),
                topo.edgeAddress().getHostAddress())), limit.plusSeconds(10));
        return new PingResult(pingTimes(r.stdout()), pingMean(r.stdout()));
    }

    /** The RTTs ping printed, in ms (also read by the bench's delay-line figures). */
    public static double[] pingTimes(String pingOutput) {
        List<Double> times = new ArrayList<>();
        Matcher m = PING_TIME.matcher(pingOutput);
        while (m.find()) {
            times.add(Double.parseDouble(m.group(1)));
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[][] tcp(Topology topo, int port, Request req) {
        Duration each = timeout(req.link());
        List<String> argv = JavaCommand.of(CalibrationClient.class, CLIENT_JVM, List.of(
                topo.edgeAddress().getHostAddress(), Integer.toString(port), Integer.toString(req.samples()),
                Integer.toString(CLIENT_WARMUP), Long.toString(each.toMillis())));
        Duration limit = each.multipliedBy(2L * (req.samples() + CLIENT_WARMUP)).plusSeconds(30);
        Proc.Result r = Proc.run(topo.inClient(argv), limit).orThrow();
        String[] lines = r.stdout().strip().split("\n");
        if (lines.length != req.samples()) {
            throw new SystemException("calibration client printed " + lines.length + " samples, expected "
                    + req.samples() + ": " + r.stderr().strip());
        }
        double[] connect = new double[lines.length];
        double[] rr = new double[lines.length];
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].strip().split(" ");
            connect[i] = Long.parseLong(f[0]) / 1e6;
            rr[i] = Long.parseLong(f[1]) / 1e6;
        }
        return new double[][] {connect, rr};
    }

    /** Generous per-operation timeout: a few RTTs plus room for SYN retransmissions under loss. */
    private static Duration timeout(LinkSpec link) {
        return link.expectedRtt().multipliedBy(4).plusSeconds(5);
    }

    private static CalibrationReport report(Request req, LatencyEmulator emu, double[] connect, double[] rr,
            PingResult pingResult, Baseline base) {
        double[] ping = pingResult.times();
        LinkSpec link = req.link();
        double expected = Durations.millis(link.expectedRtt());
        Percentiles c = new Percentiles(connect);
        Percentiles q = new Percentiles(rr);
        Percentiles p = ping.length > 0 ? new Percentiles(ping) : null;
        double pingP50 = p == null ? Double.NaN : p.at(50);
        return new CalibrationReport(emu.backend(), req.profile(), Durations.millis(link.oneWay()),
                Durations.millis(link.jitter()), link.lossPercent(), expected, c.count(),
                r(c.at(50)), r(c.at(99)), r(c.at(50) - expected), r(c.at(99) - expected),
                r(q.at(50)), r(q.at(99)), r(q.at(50) - expected), r(q.at(99) - expected),
                ping.length, r(pingP50), r(p == null ? Double.NaN : p.at(99)), r(pingP50 - expected),
                r(pingResult.mean()), r(pingResult.mean() - expected),
                r(pingP50 - c.at(50)), r(base.connectP50()), r(base.rrP50()), r(base.pingP50()),
                emu.lineStats().orElse(null));
    }

    /** Microsecond resolution is all these numbers carry. */
    private static double r(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
