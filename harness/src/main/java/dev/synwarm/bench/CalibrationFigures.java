package dev.synwarm.bench;

import dev.synwarm.net.Calibration;
import dev.synwarm.net.CalibrationReport;
import dev.synwarm.net.EmulatorChoice;
import dev.synwarm.net.LinkSpec;
import dev.synwarm.net.LinkTiming;
import dev.synwarm.net.WaitMode;
import dev.synwarm.sys.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How exactly the emulated link delivers its delay, from net's {@code calibrate} use case at one-way
 * delays from 1 to 100 ms with the backend the experiments use ({@code auto}: netem where the kernel has
 * it, else the delay line). The figure is the request/response round trip on an established connection
 * minus the expected 2 × one-way; the reference is the same round trip's median over a plain wire without
 * emulation (the host's own share, which the error includes). One row per client wait mode, measured
 * interleaved: {@code spin} leaves out the client's wake-up, {@code block} adds it; and one row for the
 * link's own share of the same exchanges (kernel timestamps at both link ends, {@code LinkTap}).
 */
final class CalibrationFigures implements EndToEnd {
    @Override
    public Measured measure(Context ctx) {
        boolean quick = ctx.quick();
        List<Duration> delays = (quick ? List.of(1, 20, 100) : List.of(1, 5, 20, 50, 100)).stream()
                .map(Duration::ofMillis).toList();
        int samples = quick ? 20 : 100;
        List<EndToEndFigure> out = new ArrayList<>();
        for (Duration oneWay : delays) {
            ctx.step("  calibrate, one-way %d ms, %d samples, client waits spin and block", oneWay.toMillis(), samples);
            List<CalibrationReport> reports;
            try (Resources res = Resources.open()) {
                Calibration.Request req = Calibration.Request.of(LinkSpec.of(oneWay), EmulatorChoice.AUTO, samples, "bench");
                reports = Calibration.run(res, new Calibration.Request(req.link(), req.emulator(), req.samples(),
                        req.profile(), List.of(WaitMode.SPIN, WaitMode.BLOCK), req.serverWait()), line -> { });
            }
            for (CalibrationReport r : reports) {
                out.add(new EndToEndFigure(
                        "client-seen RTT error at one-way " + oneWay.toMillis() + " ms (" + r.emulator() + ", "
                                + r.clientWait() + " client): RTT − 2 × one-way",
                        "net.Calibration: request/response on an open connection, measured minus expected "
                                + r.expectedRttMs() + " ms; client " + r.clientWait() + ", server " + r.serverWait()
                                + ", interleaved",
                        r.samples(), ns(r.rrP50ErrorMs()), ns(r.rrP99ErrorMs()),
                        "plain wire RTT (no emulation)", ns(r.baselineRrP50Ms()), null));
            }
            LinkTiming link = reports.get(0).link(); // shared by the client waits of one run
            if (link != null) {
                out.add(EndToEndFigure.of("link's own error at one-way " + oneWay.toMillis() + " ms ("
                                + reports.get(0).emulator() + "): request + response passage − 2 × one-way",
                        "net.LinkTap/WireSamples: kernel timestamps of each measured request and response entering "
                                + "and leaving the link at its two ends, both client waits",
                        link.rrSamples(), ns(link.rrP50ErrorMs()), ns(link.rrP99ErrorMs())));
            }
        }
        return Measured.of(out);
    }

    private static long ns(double ms) {
        return Math.round(ms * 1e6);
    }
}
