package dev.synwarm.runtime.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The summary of a {@link ColdStartBenchmark.Result}: percentiles per phase (ms) and the runtime/CLI ratio. */
public record ColdStartReport(
        String function,
        String image,
        String network,
        double initMs,
        int samples,
        int warmup,
        String engineVersion,
        String apiVersion,
        List<Phase> phases,
        double medianRatio,
        double ratioOfMedians) {

    /** One phase over all samples, in milliseconds (nearest-rank percentiles). */
    public record Phase(String key, String label, double p50, double p95, double min, double max, double[] samplesMs) {}

    public static ColdStartReport of(ColdStartBenchmark.Result r) {
        List<Phase> phases = new ArrayList<>();
        var rt = r.runtime();
        var cli = r.dockerRun();
        phases.add(phase("create", "create call", rt, s -> s.timeline().create()));
        phases.add(phase("start", "start call", rt, s -> s.timeline().start()));
        phases.add(phase("start_to_ready", "start returned → first 200", rt, s -> s.timeline().startReturnedToReady()));
        phases.add(phase("create_to_ready", "create → first 200 (runtime)", rt, s -> s.timeline().total()));
        phases.add(phase("docker_run_to_ready", "docker run → first 200 (CLI)", cli, DockerRunReference.Sample::total));
        phases.add(phase("docker_run_exit", "docker run → CLI exit", cli, DockerRunReference.Sample::cliExit));
        phases.add(phase("reported_init", "function-reported init", rt, ColdStartBenchmark.RuntimeSample::reportedInit));
        phases.add(phase("readiness_lag", "first 200 − function listening", rt, ColdStartBenchmark.RuntimeSample::readinessLag));
        phases.add(phase("poll_lag", "first 200 − max(listening, start ret.)", rt, ColdStartBenchmark.RuntimeSample::pollLag));
        phases.add(phase("docker_run_poll_lag", "CLI: first 200 − max(listen, exit)", cli, DockerRunReference.Sample::pollLag));
        double[] ratios = new double[rt.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = (double) rt.get(i).timeline().total().toNanos() / cli.get(i).total().toNanos();
        }
        double medianRatio = percentile(ratios, 50);
        double ratioOfMedians = phases.get(3).p50() / phases.get(4).p50();
        var s = r.settings();
        return new ColdStartReport(s.spec().function(), r.image(), s.spec().network().label(),
                s.spec().init().toNanos() / 1e6, s.samples(), s.warmup(), r.engineVersion(), r.apiVersion(), phases,
                medianRatio, ratioOfMedians);
    }

    private static <T> Phase phase(String key, String label, List<T> samples, Function<T, Duration> f) {
        double[] ms = samples.stream().mapToDouble(x -> f.apply(x).toNanos() / 1e6).toArray();
        return new Phase(key, label, percentile(ms, 50), percentile(ms, 95),
                Arrays.stream(ms).min().orElse(Double.NaN), Arrays.stream(ms).max().orElse(Double.NaN), ms);
    }

    /** Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
    static double percentile(double[] xs, double p) {
        if (xs.length == 0) {
            return Double.NaN;
        }
        double[] s = xs.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length, rank) - 1)];
    }

    /** The human-readable table. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "coldstart %s (%s) network=%s init=%.0fms samples=%d (+%d warm-up, not counted)%n",
                function, image, network, initMs, samples, warmup));
        sb.append(String.format(Locale.ROOT, "docker engine %s, API %s%n", engineVersion, apiVersion));
        sb.append(String.format(Locale.ROOT, "%-40s %9s %9s %9s %9s%n", "phase (ms)", "p50", "p95", "min", "max"));
        for (Phase p : phases) {
            sb.append(String.format(Locale.ROOT, "%-40s %9.2f %9.2f %9.2f %9.2f%n", p.label(), p.p50(), p.p95(), p.min(), p.max()));
        }
        sb.append(String.format(Locale.ROOT, "runtime / docker run (create→200 vs run→200): median of pairs %.3f, ratio of medians %.3f%n",
                medianRatio, ratioOfMedians));
        return sb.toString();
    }
}
