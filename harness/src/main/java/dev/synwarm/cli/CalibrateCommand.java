package dev.synwarm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.synwarm.net.Calibration;
import dev.synwarm.net.CalibrationReport;
import dev.synwarm.net.DelayLineStats;
import dev.synwarm.net.EmulatorChoice;
import dev.synwarm.net.LinkProfile;
import dev.synwarm.net.LinkSpec;
import dev.synwarm.net.LinkTiming;
import dev.synwarm.net.WaitMode;
import dev.synwarm.sys.Durations;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.StaleReaping;
import dev.synwarm.sys.UsageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synwarm calibrate}: does the emulated WAN deliver the RTT it is asked for? */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Build a client namespace and edge, apply a link, and measure TCP connect, "
                + "request/response and ping RTT from the client namespace against 2 x one-way.")
public final class CalibrateCommand implements Callable<Integer>, CreatesResources {
    /** Containers (coldstart) or namespaces and the delay line (calibrate): no eBPF, so no BTF needed. */
    @Override
    public boolean loadsBpf() {
        return false;
    }

    @Option(names = "--one-way", paramLabel = "DURATION", split = ",",
            description = "One-way delay, e.g. 20ms; a list (1ms,5ms,20ms) calibrates each in turn.")
    List<Duration> oneWays;

    @Option(names = "--jitter", paramLabel = "DURATION", description = "Uniform jitter +/- this (default 0).")
    Duration jitter;

    @Option(names = "--loss", paramLabel = "PERCENT", description = "Random loss per direction (default 0).")
    Double loss;

    @Option(names = "--samples", defaultValue = "100", description = "Measured samples (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--emulator", defaultValue = "auto", description = "auto, netem or delayline.")
    String emulator;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "lan, metro, regional, continental, intercontinental, satellite; explicit values override.")
    String profile;

    @Option(names = "--client-wait", paramLabel = "spin|busy|block", defaultValue = "spin",
            description = "How the measuring client waits: spin (default: sleeps until 1 ms before the expected "
                    + "reply, then polls: no wake-up on the measured path), busy (polls all the time) or block (adds the "
                    + "client's wake-up, as an ordinary client sees); spin,block measures both, interleaved.")
    String clientWait;

    @Option(names = "--server-wait", paramLabel = "spin|busy|block", defaultValue = "block",
            description = "How the echo server waits for each request/response message (default ${DEFAULT-VALUE}; "
                    + "a polling server competes with the client and the delay line for 2 CPUs).")
    String serverWait;

    @Option(names = "--json", description = "Print each result (one per delay and client wait) as one JSON object per line.")
    boolean json;

    @Option(names = "--markdown", description = "Print the results as one Markdown table (the README's link accuracy table).")
    boolean markdown;

    @Override
    public Integer call() throws Exception {
        List<Calibration.Request> requests = requests();
        List<CalibrationReport> reports = new ArrayList<>();
        for (Calibration.Request req : requests) {
            try (Resources res = Resources.open()) {
                reports.addAll(Calibration.run(res, req, msg -> System.err.println("calibrate: " + msg)));
            }
        }
        if (markdown) {
            System.out.print(CalibrationTable.markdown(reports));
        } else if (json) {
            ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
            for (CalibrationReport r : reports) {
                System.out.println(mapper.writeValueAsString(r));
            }
        } else {
            reports.forEach(CalibrateCommand::print);
        }
        return Main.EXIT_OK;
    }

    private List<Calibration.Request> requests() {
        if (json && markdown) {
            throw new UsageException("--json and --markdown: give one of them");
        }
        List<WaitMode> clientWaits;
        WaitMode server;
        try {
            clientWaits = WaitMode.parseList(clientWait);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--client-wait: " + e.getMessage());
        }
        try {
            server = WaitMode.parse(serverWait);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--server-wait: " + e.getMessage());
        }
        List<Duration> delays = oneWays == null ? Collections.singletonList(null) : oneWays;
        List<Calibration.Request> out = new ArrayList<>();
        for (Duration oneWay : delays) {
            Calibration.Request one = request(oneWay);
            out.add(new Calibration.Request(one.link(), one.emulator(), one.samples(), one.profile(), clientWaits,
                    server));
        }
        return out;
    }

    private Calibration.Request request(Duration oneWay) {
        if (samples < 1) {
            throw new UsageException("--samples " + samples + ": must be at least 1");
        }
        EmulatorChoice choice;
        try {
            choice = EmulatorChoice.parse(emulator);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--emulator: " + e.getMessage());
        }
        LinkSpec base = LinkSpec.of(Duration.ZERO);
        if (profile != null) {
            try {
                base = LinkProfile.parse(profile).link();
            } catch (IllegalArgumentException e) {
                throw new UsageException("--profile: " + e.getMessage());
            }
        } else if (oneWay == null) {
            throw new UsageException("give --one-way (e.g. --one-way 20ms) or --profile");
        }
        LinkSpec link;
        try {
            link = new LinkSpec(oneWay != null ? oneWay : base.oneWay(), jitter != null ? jitter : base.jitter(),
                    loss != null ? loss : base.lossPercent());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--one-way/--jitter/--loss: " + e.getMessage());
        }
        return Calibration.Request.of(link, choice, samples, profile == null ? null : profile);
    }

    private static void print(CalibrationReport r) {
        System.out.printf("emulator %s, one-way %.3f ms, jitter ±%.3f ms, loss %s%%: expected RTT %.3f ms, %d samples, "
                + "client wait %s, server wait %s%n", r.emulator(), r.oneWayMs(), r.jitterMs(), r.lossPercent(),
                r.expectedRttMs(), r.samples(), r.clientWait(), r.serverWait());
        System.out.printf("%-12s %10s %10s %10s %10s%n", "", "p50 ms", "p99 ms", "err p50", "err p99");
        System.out.printf("%-12s %10.3f %10.3f %+10.3f %+10.3f   (client, %s wait)%n", "connect", r.connectP50Ms(),
                r.connectP99Ms(), r.connectP50ErrorMs(), r.connectP99ErrorMs(), r.clientWait());
        System.out.printf("%-12s %10.3f %10.3f %+10.3f %+10.3f%n", "rr", r.rrP50Ms(), r.rrP99Ms(),
                r.rrP50ErrorMs(), r.rrP99ErrorMs());
        LinkTiming k = r.link();
        if (k != null) {
            System.out.printf("%-12s %10.3f %10.3f %+10.3f %+10.3f   (the link's own share: kernel timestamps at "
                    + "both link ends, %d samples)%n", "link connect", k.connectP50Ms(), k.connectP99Ms(),
                    k.connectP50ErrorMs(), k.connectP99ErrorMs(), k.connectSamples());
            System.out.printf("%-12s %10.3f %10.3f %+10.3f %+10.3f   (%d samples%s)%n", "link rr", k.rrP50Ms(),
                    k.rrP99Ms(), k.rrP50ErrorMs(), k.rrP99ErrorMs(), k.rrSamples(),
                    k.unstampedFrames() > 0 ? "; " + k.unstampedFrames() + " frames without kernel timestamp left out" : "");
        }
        System.out.printf("%-12s %10.3f %10.3f %+10.3f %10s   (%d replies; mean %.3f ms, error %+.3f; ping - connect at p50: %+.3f ms%s)%n",
                "ping", r.pingP50Ms(), r.pingP99Ms(), r.pingP50ErrorMs(), "", r.pingSamples(), r.pingMeanMs(),
                r.pingMeanErrorMs(), r.pingMinusConnectP50Ms(),
                k == null ? "" : String.format(Locale.ROOT, ", ping - link connect: %+.3f ms", k.pingMinusConnectP50Ms()));
        System.out.printf("baseline over a plain wire, no emulation, p50 ms: connect %.3f, rr %.3f, ping %.3f%n",
                r.baselineConnectP50Ms(), r.baselineRrP50Ms(), r.baselinePingP50Ms());
        if (r.lineIdleCpuPercent() != null) {
            System.out.printf("line idle: %.2f %% of one CPU over 2 s without traffic%n", r.lineIdleCpuPercent());
        }
        if (r.line() != null) {
            for (var d : new DelayLineStats.Direction[] {r.line().aToB(), r.line().bToA()}) {
                System.out.printf("line %s: rx %d tx %d lost %d overflow %d send-errors %d kernel-drops %d late>200us %d max-late %.3f ms%n",
                        d == r.line().aToB() ? "client->edge" : "edge->client", d.received(), d.sent(), d.lost(),
                        d.overflow(), d.sendErrors(), d.kernelDrops(), d.lateOver200us(), d.maxLateNs() / 1e6);
            }
        }
        System.out.println("(" + Durations.format(Duration.ofNanos(Math.round(r.expectedRttMs() * 1e6)))
                + " expected = 2 x one-way; error = measured - expected)");
    }
}
