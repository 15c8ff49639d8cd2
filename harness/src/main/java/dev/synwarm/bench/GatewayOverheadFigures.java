package dev.synwarm.bench;

import dev.synwarm.experiment.GatewayOverhead;
import dev.synwarm.stats.Interval;
import dev.synwarm.sys.UsageException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What the gateway adds to a warm request (issue 5, target 4: ≤ 0.3 ms at the median), from
 * {@link GatewayOverhead}'s interleaved pairs: the experiment client's request code on a fresh plain-HTTP
 * connection, straight to a warm fn-static container vs through the gateway to the same container. Two
 * figures: the request time via the gateway against the direct one, and the per-pair difference; the
 * notes give the difference of the medians with its bootstrap 95 % interval (the target's measure).
 */
final class GatewayOverheadFigures implements EndToEnd {
    @Override
    public Measured measure(Context ctx) throws Unavailable {
        var settings = ctx.quick() ? new GatewayOverhead.Settings(500, 500) : new GatewayOverhead.Settings(5000, 2000);
        PrintWriter progress = ctx.progress();
        progress.printf(Locale.ROOT, "  gateway overhead, %d interleaved pairs after %d warm-ups per path%n",
                settings.pairs(), settings.warmups());
        progress.flush();
        GatewayOverhead.Result r;
        try {
            r = GatewayOverhead.measure(settings);
        } catch (UsageException e) { // no fn-static image
            throw new Unavailable(e.getMessage());
        }
        long[] diff = new long[r.gatewayNs().length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = r.gatewayNs()[i] - r.directNs()[i];
        }
        String ci = r.medianDifferenceCi().map(GatewayOverheadFigures::micros).orElse("no interval");
        String how = String.format(Locale.ROOT, "experiment.GatewayOverhead: fresh connection per request, plain HTTP on "
                        + "loopback, warm fn-static (host network), direct and via gateway alternating; median(via) − "
                        + "median(direct) = %.0f µs, 95 %% bootstrap CI %s; the gateway's head read → forwarded p50 %.0f µs",
                r.medianDifferenceMs() * 1e3, ci, r.headToForwardedMs().median() * 1e3);
        return Measured.of(List.of(
                EndToEndFigure.of("HTTP request via the gateway to a warm container: connect → last byte", how,
                                r.gatewayNs().length, Percentiles.nearestRank(r.gatewayNs(), 50), Percentiles.nearestRank(r.gatewayNs(), 99))
                        .against("the same request straight to the container", Percentiles.nearestRank(r.directNs(), 50),
                                Percentiles.nearestRank(r.directNs(), 99)),
                EndToEndFigure.of("gateway overhead per pair: via gateway − direct", how, diff.length,
                        Percentiles.nearestRank(diff, 50), Percentiles.nearestRank(diff, 99))));
    }

    private static String micros(Interval i) {
        return String.format(Locale.ROOT, "[%.0f, %.0f] µs", i.low() * 1e3, i.high() * 1e3);
    }
}
