package dev.synwarm.bench;

import dev.synwarm.net.Calibration;
import dev.synwarm.net.DelayLineConfig;
import dev.synwarm.net.DelayLineStats;
import dev.synwarm.net.EmulatorChoice;
import dev.synwarm.net.LatencyEmulator;
import dev.synwarm.net.LinkSpec;
import dev.synwarm.net.Topology;
import dev.synwarm.sys.Proc;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.SystemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The delay line under load: net's real topology and delay line (forced, even where netem exists), with
 * ping from the client namespace at 1k and 50k echo requests per second (as many replies come back, so the
 * line forwards that rate in each direction); the rate ping really achieved is taken from its summary and
 * named in the figure. Enough echoes may be in flight ({@code -l}) that ping keeps its interval instead of
 * waiting for each reply (which alone would cap it at 1 / RTT ≈ 1.2k/s). The figure is each reply's RTT minus the two waits the line
 * schedules (2 × (one-way − the line's fixed compensation)): both directions' lateness against their
 * deadlines plus the veth/ICMP path; the line's own counters give the sender's worst lateness against
 * its deadlines. One-way is {@value #ONE_WAY_US} µs so ping prints RTTs with 1 µs resolution (it prints 3
 * significant digits) and the sender still parks before it spins, as at any delay.
 */
final class DelayLineLoadFigures implements EndToEnd {
    static final long ONE_WAY_US = 400;
    private static final Pattern SENT = Pattern.compile("(\\d+) packets transmitted, (\\d+) received.*time (\\d+)ms");
    /** Echoes in flight must cover rate × RTT, or ping waits for replies and sends at 1 / RTT instead. */
    private static final Duration IN_FLIGHT_WINDOW = Duration.ofNanos(1_600_000);

    @Override
    public Measured measure(Context ctx) {
        boolean quick = ctx.quick();
        Duration oneWay = Duration.ofNanos(ONE_WAY_US * 1000);
        Duration scheduled = oneWay.minus(DelayLineConfig.DEFAULT_COMPENSATION);
        List<EndToEndFigure> out = new ArrayList<>();
        try (Resources res = Resources.open(); Topology topo = Topology.create(res)) {
            for (int rate : List.of(1_000, 50_000)) {
                int count = rate * (quick ? 1 : 5);
                long preload = Math.max(1, (long) Math.ceil(rate * (IN_FLIGHT_WINDOW.toNanos() / 1e9)));
                ctx.step("  delay line, %d pings at %d/s", count, rate);
                try (LatencyEmulator line = topo.emulate(LinkSpec.of(oneWay), EmulatorChoice.DELAYLINE)) {
                    Proc.Result r = Proc.run(topo.inClient(List.of("ping", "-n", "-c", Integer.toString(count),
                            "-i", String.format(Locale.ROOT, "%.6f", 1.0 / rate), "-l", Long.toString(preload), "-W", "1",
                            topo.edgeAddress().getHostAddress())), Duration.ofSeconds(60 + count / rate));
                    long[] errors = rttErrors(r.stdout(), scheduled);
                    if (errors.length == 0) {
                        throw new SystemException("ping through the delay line got no reply: " + r.stderr().strip());
                    }
                    double achieved = achievedRate(r.stdout());
                    DelayLineStats s = line.lineStats().orElseThrow(
                            () -> new SystemException("the delay line reported no counters"));
                    out.add(new EndToEndFigure(String.format(Locale.ROOT,
                                    "delay line at %.1fk pkt/s (asked %dk): ping RTT − 2 × scheduled wait (%d µs)", achieved / 1000, rate / 1000,
                                    scheduled.toNanos() / 1000),
                            String.format(Locale.ROOT, "%d of %d replies; line counters: max sender lateness %s, "
                                            + "%d of %d frames > 200 µs late, %d dropped",
                                    errors.length, count, SummaryMarkdown.time(Math.max(s.aToB().maxLateNs(), s.bToA().maxLateNs())),
                                    s.aToB().lateOver200us() + s.bToA().lateOver200us(), s.aToB().sent() + s.bToA().sent(),
                                    s.aToB().overflow() + s.bToA().overflow() + s.aToB().kernelDrops() + s.bToA().kernelDrops()),
                            errors.length, Percentiles.nearestRank(errors, 50), Percentiles.nearestRank(errors, 99),
                            null, null, null));
                }
            }
        }
        return Measured.of(out);
    }

    /** Echo requests per second ping really sent, from its summary (transmitted ÷ time). */
    static double achievedRate(String pingOutput) {
        Matcher m = SENT.matcher(pingOutput);
        if (!m.find() || Long.parseLong(m.group(3)) == 0) {
            throw new SystemException("ping printed no summary to take its rate from");
        }
        return Long.parseLong(m.group(1)) * 1000.0 / Long.parseLong(m.group(3));
    }

    /** Each reply's RTT minus 2 × {@code wait}, in ns. */
    static long[] rttErrors(String pingOutput, Duration wait) {
        return Arrays.stream(Calibration.pingTimes(pingOutput)).mapToLong(ms -> Math.round(ms * 1e6) - 2 * wait.toNanos()).toArray();
    }
}
