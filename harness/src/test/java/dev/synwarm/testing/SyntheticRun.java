package dev.synwarm.testing;

import dev.synwarm.measure.TimelineRow;
import dev.synwarm.model.Timeline;
import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds TimelineRows that follow the nominal timeline plus seeded noise, to exercise the statistics,
 * model, figures and checks in tests. Test-only: nothing built here is ever written to results/ or the
 * paper.
 */
public final class SyntheticRun {
    private final long seed;
    private List<String> functions = List.of("fn-static");
    private List<Double> inits = List.of(150.0);
    private List<Double> oneWays = List.of(0.0, 20.0, 60.0);
    private List<Protocol> protocols = List.of(Protocol.HTTP, Protocol.TLS13);
    private List<Mode> modes = List.of(Mode.values());
    private int repetitions = 12;
    private double dockerMs = 260;
    private double noiseMs = 3;
    private boolean probeOff;
    private boolean probeOffUndetected;

    public SyntheticRun(long seed) {
        this.seed = seed;
    }

    public SyntheticRun inits(Double... v) {
        inits = List.of(v);
        return this;
    }

    public SyntheticRun oneWays(Double... v) {
        oneWays = List.of(v);
        return this;
    }

    public SyntheticRun protocols(Protocol... v) {
        protocols = List.of(v);
        return this;
    }

    public SyntheticRun modes(Mode... v) {
        modes = List.of(v);
        return this;
    }

    public SyntheticRun repetitions(int n) {
        repetitions = n;
        return this;
    }

    public SyntheticRun dockerMs(double ms) {
        dockerMs = ms;
        return this;
    }

    /** The probe never delivers: SYN-mode requests are cold and the runner marks them excluded. */
    public SyntheticRun probeOff() {
        probeOff = true;
        return this;
    }

    /** The probe never delivers and the runner does not notice: the rows say ok but are cold. */
    public SyntheticRun probeOffUndetected() {
        probeOff = true;
        probeOffUndetected = true;
        return this;
    }

    /** Writes the rows as {@code dir/samples.csv} (a temporary run directory for CLI and notebook tests). */
    public java.nio.file.Path writeTo(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        dev.synwarm.measure.SamplesCsv.write(dir.resolve(dev.synwarm.measure.SamplesCsv.FILE), rows());
        return dir;
    }

    public List<TimelineRow> rows() {
        Random rnd = new Random(seed);
        List<TimelineRow> out = new ArrayList<>();
        long clock = 1_000_000_000_000L;
        int cell = 0;
        for (String fn : functions) {
            for (double init : inits) {
                for (double l : oneWays) {
                    for (Protocol p : protocols) {
                        cell++;
                        for (Mode m : modes) {
                            for (int rep = 0; rep < repetitions; rep++) {
                                out.add(row("c" + cell, rep, fn, init, l, p, m, clock, rnd));
                                clock += 5_000_000_000L;
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private TimelineRow row(String cellId, int rep, String fn, double init, double l, Protocol p, Mode m, long t0,
            Random rnd) {
        int k = p.roundTripsBeforeRequest();
        double handshake = p.tls() ? 2.5 : 0.3;
        double coldPath = init + dockerMs + noiseMs * Math.abs(rnd.nextGaussian()) * 3;
        double service = 1.2 + 0.2 * rnd.nextDouble();
        double requestSent = 2 * k * l + handshake + 0.1 * rnd.nextDouble();
        double requestAtGw = requestSent + l + 0.05;
        var nominalTrigger = Timeline.triggerAtEdgeMs(p, m, l);
        boolean triggered = nominalTrigger.isPresent() && !probeOff;
        Double trigger = triggered ? nominalTrigger.getAsDouble() + 0.2 + 0.1 * rnd.nextDouble() : null;
        Double synHook = (m == Mode.SYN_PORT || m == Mode.SYN_OPTION) && !probeOff ? l + 0.01 : null;
        Double createIssued = m == Mode.WARM ? null : trigger != null ? trigger + 0.1 : requestAtGw + 0.2;
        Double ready = createIssued == null ? null : createIssued + coldPath;
        double forwarded = ready == null ? requestAtGw + 0.05 : Math.max(requestAtGw, ready) + 0.05;
        double responseAtGw = forwarded + service;
        double firstByte = responseAtGw + l + 0.05;
        double done = firstByte + 0.1 + noiseMs * 0.1 * rnd.nextDouble();
        boolean expectedTrigger = nominalTrigger.isPresent();
        boolean excluded = probeOff && expectedTrigger && !probeOffUndetected;
        return new TimelineRow("syn0", cellId, rep, fn, init, l, 0, 0, p.label(), m.label(),
                excluded ? TimelineRow.Status.excluded : TimelineRow.Status.ok, excluded ? "trigger never fired" : "",
                t0, at(t0, 2 * l + 0.1), p.tls() ? at(t0, requestSent - 0.05) : null, at(t0, requestSent),
                at(t0, firstByte), at(t0, done), at(t0, synHook), at(t0, trigger), at(t0, createIssued),
                at(t0, createIssued == null ? null : createIssued + 30), at(t0, createIssued == null ? null : createIssued + 31),
                at(t0, createIssued == null ? null : createIssued + 90), at(t0, ready), at(t0, requestAtGw),
                at(t0, forwarded), at(t0, responseAtGw), init + 0.3, state(m, triggered));
    }

    /** What the runner writes: the instance the request found / what started it. */
    private static String state(Mode m, boolean triggered) {
        return m == Mode.WARM ? "ready/warm" : triggered ? "starting/" + m.label() : "none/request";
    }

    private static Long at(long t0, Double ms) {
        return ms == null ? null : t0 + Math.round(ms * 1e6);
    }
}
