package dev.synwarm.net;

import dev.synwarm.sys.Durations;
import dev.synwarm.sys.Proc;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.SystemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code calibrate} use case: build a topology, apply a link, and measure what a client in the client
 * namespace sees against the edge address (TCP connect, request/response, ping), and what the link itself
 * added to the same TCP exchanges ({@link LinkTap} on both link ends), to check the emulator delivers
 * 2×one-way and show what the hosts add on top.
 */
public final class Calibration {
    private static final Pattern PING_TIME = Pattern.compile("time=([0-9.]+) ms");
    private static final Pattern PING_SUMMARY = Pattern.compile("= ([0-9.]+)/([0-9.]+)/([0-9.]+)/([0-9.]+) ms");
    /**
     * Unmeasured rounds first, on the measured code path itself: the client JVM's JIT and the kernel's
     * caches warm up on them. As many as fit in about {@link #WARMUP_BUDGET} per wait mode, between
     * {@link #MIN_WARMUP} and {@link #MAX_WARMUP} (the polling loops compile early through their back
     * edges; the straight-line code around them needs invocations, which short links can afford).
     */
    private static final int MIN_WARMUP = 30;
    private static final int MAX_WARMUP = 300;
    private static final Duration WARMUP_BUDGET = Duration.ofSeconds(3);
    /**
     * The echo server blocks by default. Measured on this 2-vCPU VM (calibrate, 100 samples, server spin
     * and block alternated): at load 8-11 a polling server made the rr median 0.5-2 ms and p99 10-30 ms
     * worse at 5 ms one-way (client, server and the delay line then share 2 CPUs, and CFS takes the CPU
     * from a thread that used its share); at load ~1 and 50 ms it gained 0.05 ms at the median with no
     * better p99. The client's wake-up is the larger cost (connect, which has no server thread, shows
     * the same error as rr), so only the client polls.
     */
    static final WaitMode DEFAULT_SERVER_WAIT = WaitMode.BLOCK;
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(2);
    private static final int IDLE_TRIES = 3;
    private static final List<String> CLIENT_JVM = List.of("-XX:+UseSerialGC", "-Xmx64m", "-XX:-UsePerfData");

    private Calibration() {}

    /**
     * What to calibrate; {@code profile} only labels the report. Each of {@code clientWaits} is measured,
     * interleaved round by round, and gets its own report; {@code serverWait} is how the echo server waits
     * for each rr request.
     */
    public record Request(LinkSpec link, EmulatorChoice emulator, int samples, String profile,
            List<WaitMode> clientWaits, WaitMode serverWait) {
        public Request {
            if (samples < 1) {
                throw new IllegalArgumentException("samples must be at least 1, not " + samples);
            }
            clientWaits = List.copyOf(clientWaits);
            if (clientWaits.isEmpty() || clientWaits.size() != Set.copyOf(clientWaits).size()) {
                throw new IllegalArgumentException("client waits must be distinct and not empty: " + clientWaits);
            }
            Objects.requireNonNull(serverWait, "serverWait");
        }

        /** The defaults: a spinning client (no wake-up on its measured path) and a blocking echo server. */
        public static Request of(LinkSpec link, EmulatorChoice emulator, int samples, String profile) {
            return new Request(link, emulator, samples, profile, List.of(WaitMode.SPIN), DEFAULT_SERVER_WAIT);
        }
    }

    /** One report per client wait mode, in the order of {@link Request#clientWaits}. */
    public static List<CalibrationReport> run(Resources res, Request req, Consumer<String> progress) {
        progress.accept("building the topology (run " + res.runId() + ")");
        try (Topology topo = Topology.create(res)) {
            topo.backendFor(req.emulator()); // an unavailable backend fails before any measuring
            Map<WaitMode, Baseline> base = baseline(topo, req, progress);
            progress.accept("starting the emulator (" + req.emulator().cliName() + ") for " + req.link());
            try (LatencyEmulator emu = topo.emulate(req.link(), req.emulator());
                    EchoServer server = EchoServer.start(topo.edgeAddress())) {
                progress.accept(emu.backend() + " up; ping x" + req.samples() + " from " + topo.clientNetns());
                PingResult ping = ping(topo, req);
                progress.accept("TCP connect + request/response x" + req.samples() + " per client wait "
                        + req.clientWaits().stream().map(WaitMode::cliName).toList() + " (after "
                        + warmup(req.link()) + " warm-up rounds)");
                Map<WaitMode, TcpSamples> tcp;
                LinkTap.Recording wire;
                try (LinkTap tap = LinkTap.start(topo.wanInterfaces().get(0), topo.wanInterfaces().get(1))) {
                    tcp = tcp(topo, server.port(), req);
                    wire = tap.stop();
                }
                Optional<DelayLineStats> line = emu.lineStats();
                progress.accept("the line's CPU use without traffic (" + IDLE_WINDOW.toSeconds() + " s)");
                Double idleCpu = idleCpuPercent(emu);
                LinkTiming link = linkTiming(req, wire, ping);
                return req.clientWaits().stream()
                        .map(w -> report(req, w, emu.backend(), tcp.get(w), ping, base.get(w), line, link, idleCpu))
                        .toList();
            }
        }
    }

    /** Medians over a plain wire (no emulation): what the host itself adds to each measure. */
    private record Baseline(double connectP50, double rrP50, double pingP50) {}

    /** One wait mode's samples, in ms. */
    record TcpSamples(double[] connect, double[] rr) {}

    private static Map<WaitMode, Baseline> baseline(Topology topo, Request req, Consumer<String> progress) {
        progress.accept("baseline without emulation (tc wire): ping and TCP x" + req.samples());
        Topology.Wire wire = topo.directWire();
        try (EchoServer server = EchoServer.start(topo.edgeAddress())) {
            Request direct = new Request(LinkSpec.of(Duration.ZERO), req.emulator(), req.samples(), req.profile(),
                    req.clientWaits(), req.serverWait());
            double[] ping = ping(topo, direct).times();
            double pingP50 = ping.length > 0 ? new Percentiles(ping).at(50) : Double.NaN;
            Map<WaitMode, Baseline> out = new EnumMap<>(WaitMode.class);
            tcp(topo, server.port(), direct).forEach((w, t) -> out.put(w,
                    new Baseline(new Percentiles(t.connect()).at(50), new Percentiles(t.rr()).at(50), pingP50)));
            return out;
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

    private static Map<WaitMode, TcpSamples> tcp(Topology topo, int port, Request req) {
        Duration each = timeout(req.link());
        String waits = req.clientWaits().stream().map(WaitMode::cliName).collect(Collectors.joining(","));
        List<String> argv = JavaCommand.of(CalibrationClient.class, CLIENT_JVM, List.of(
                topo.edgeAddress().getHostAddress(), Integer.toString(port), Integer.toString(req.samples()),
                Integer.toString(warmup(req.link())), Long.toString(each.toMillis()), waits, req.serverWait().cliName(),
                Long.toString(req.link().expectedRtt().toNanos())));
        int rounds = req.clientWaits().size() * (req.samples() + warmup(req.link()));
        Duration limit = each.multipliedBy(2L * rounds + 2L * rounds / CalibrationClient.RR_CHUNK).plusSeconds(30);
        Proc.Result r = Proc.run(topo.inClient(argv), limit).orThrow();
        return clientSamples(r.stdout(), req.clientWaits(), req.samples(), r.stderr().strip());
    }

    /** Parses the client's {@code <wait> <connectNs> <rrNs>} lines into ms per wait mode. */
    static Map<WaitMode, TcpSamples> clientSamples(String stdout, List<WaitMode> waits, int samples, String stderr) {
        Map<WaitMode, TcpSamples> out = new EnumMap<>(WaitMode.class);
        String[] lines = stdout.strip().split("\n");
        if (lines.length != waits.size() * samples) {
            throw new SystemException("calibration client printed " + lines.length + " samples, expected "
                    + waits.size() * samples + ": " + stderr);
        }
        for (int w = 0; w < waits.size(); w++) {
            double[] connect = new double[samples];
            double[] rr = new double[samples];
            for (int i = 0; i < samples; i++) {
                String[] f = lines[w * samples + i].strip().split(" ");
                if (f.length != 3 || WaitMode.parse(f[0]) != waits.get(w)) {
                    throw new SystemException("calibration client line " + (w * samples + i + 1) + ": '"
                            + lines[w * samples + i] + "', expected '" + waits.get(w).cliName() + " <ns> <ns>'");
                }
                connect[i] = Long.parseLong(f[1]) / 1e6;
                rr[i] = Long.parseLong(f[2]) / 1e6;
            }
            out.put(waits.get(w), new TcpSamples(connect, rr));
        }
        return out;
    }

    /** Warm-up rounds for this link: a connect and an rr exchange each take about one expected RTT. */
    static int warmup(LinkSpec link) {
        long rttNs = Math.max(1, link.expectedRtt().toNanos());
        long fit = WARMUP_BUDGET.toNanos() / (2 * rttNs);
        return (int) Math.clamp(fit, MIN_WARMUP, MAX_WARMUP);
    }

    /** Generous per-operation timeout: a few RTTs plus room for SYN retransmissions under loss. */
    private static Duration timeout(LinkSpec link) {
        return link.expectedRtt().multipliedBy(4).plusSeconds(5);
    }

    /**
     * The emulator process's CPU use while the link carries nothing, in % of one CPU over
     * {@link #IDLE_WINDOW}, or null when the emulator runs in the kernel (netem) or no window without
     * traffic came in {@link #IDLE_TRIES}. Measured after the TCP phase, when the line's code has long been
     * compiled (right after start-up the JIT is still compiling the warm-up's code); the last exchange's
     * frames may still be in the line then, so a window counts only if the line received no frame during
     * it (its counters say so).
     */
    private static Double idleCpuPercent(LatencyEmulator emu) {
        for (int i = 0; i < IDLE_TRIES; i++) {
            long framesBefore = framesReceived(emu);
            OptionalLong before = emu.cpuTimeNs();
            long t0 = System.nanoTime();
            try {
                Thread.sleep(IDLE_WINDOW); // the measurement is of this interval itself, not a wait for an event
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            long elapsed = System.nanoTime() - t0;
            OptionalLong after = emu.cpuTimeNs();
            if (before.isEmpty() || after.isEmpty()) {
                return null;
            }
            if (framesReceived(emu) == framesBefore) {
                return Math.round(1e4 * (after.getAsLong() - before.getAsLong()) / elapsed) / 100.0;
            }
        }
        return null;
    }

    private static long framesReceived(LatencyEmulator emu) {
        return emu.lineStats().map(s -> s.aToB().received() + s.bToA().received()).orElse(0L);
    }

    /** The link's own share of the exchanges the client measured (all client waits), or null if none. */
    private static LinkTiming linkTiming(Request req, LinkTap.Recording wire, PingResult ping) {
        WireSamples.Samples s = WireSamples.of(wire.frames(), warmup(req.link()), req.clientWaits().size(),
                CalibrationClient.RR_CHUNK);
        if (s.connectMs().length == 0 || s.rrMs().length == 0) {
            return null;
        }
        double expected = Durations.millis(req.link().expectedRtt());
        Percentiles c = new Percentiles(s.connectMs());
        Percentiles q = new Percentiles(s.rrMs());
        double pingP50 = ping.times().length > 0 ? new Percentiles(ping.times()).at(50) : Double.NaN;
        return new LinkTiming(c.count(), r(c.at(50)), r(c.at(99)), r(c.at(50) - expected), r(c.at(99) - expected),
                q.count(), r(q.at(50)), r(q.at(99)), r(q.at(50) - expected), r(q.at(99) - expected),
                r(pingP50 - c.at(50)), wire.unstamped());
    }

    private static CalibrationReport report(Request req, WaitMode clientWait, String backend, TcpSamples tcp,
            PingResult pingResult, Baseline base, Optional<DelayLineStats> line, LinkTiming linkTiming,
            Double lineIdleCpuPercent) {
        double[] connect = tcp.connect();
        double[] rr = tcp.rr();
        double[] ping = pingResult.times();
        LinkSpec link = req.link();
        double expected = Durations.millis(link.expectedRtt());
        Percentiles c = new Percentiles(connect);
        Percentiles q = new Percentiles(rr);
        Percentiles p = ping.length > 0 ? new Percentiles(ping) : null;
        double pingP50 = p == null ? Double.NaN : p.at(50);
        return new CalibrationReport(backend, req.profile(), clientWait.cliName(), req.serverWait().cliName(),
                Durations.millis(link.oneWay()),
                Durations.millis(link.jitter()), link.lossPercent(), expected, c.count(),
                r(c.at(50)), r(c.at(99)), r(c.at(50) - expected), r(c.at(99) - expected),
                r(q.at(50)), r(q.at(99)), r(q.at(50) - expected), r(q.at(99) - expected),
                ping.length, r(pingP50), r(p == null ? Double.NaN : p.at(99)), r(pingP50 - expected),
                r(pingResult.mean()), r(pingResult.mean() - expected),
                r(pingP50 - c.at(50)), r(base.connectP50()), r(base.rrP50()), r(base.pingP50()),
                line.orElse(null), linkTiming, lineIdleCpuPercent);
    }

    /** Microsecond resolution is all these numbers carry. */
    private static double r(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
