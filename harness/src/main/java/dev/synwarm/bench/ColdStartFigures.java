package dev.synwarm.bench;

import dev.synwarm.runtime.DockerRuntime;
import dev.synwarm.runtime.FunctionSpec;
import dev.synwarm.runtime.NetworkMode;
import dev.synwarm.runtime.bench.ColdStartBenchmark;
import dev.synwarm.runtime.bench.DockerRunReference;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.UsageException;
import java.time.Duration;
import java.util.List;

/**
 * The harness's cold start (runtime: create → start → first HTTP 200) next to {@code docker run} → first
 * 200 of the same image, interleaved in one run by the runtime's {@link ColdStartBenchmark}: the static
 * function with no simulated init, so the figure is the container machinery alone.
 */
final class ColdStartFigures implements EndToEnd {
    static final String FUNCTION = "fn-static";

    @Override
    public Measured measure(Context ctx) throws Unavailable {
        boolean quick = ctx.quick();
        FunctionSpec spec = new FunctionSpec(FUNCTION, Duration.ZERO, Duration.ZERO, NetworkMode.BRIDGE);
        var settings = new ColdStartBenchmark.Settings(spec, quick ? 6 : 30, quick ? 1 : 2);
        ctx.step("  cold start, %s, %d samples of each kind", FUNCTION, settings.samples());
        ColdStartBenchmark.Result r;
        try (Resources res = Resources.open(); DockerRuntime runtime = DockerRuntime.open(res)) {
            try {
                runtime.requireImage(FUNCTION);
            } catch (UsageException e) {
                throw new Unavailable(e.getMessage());
            }
            r = new ColdStartBenchmark(runtime, new DockerRunReference(res)).run(settings, line -> { });
        }
        long[] harness = r.runtime().stream().mapToLong(s -> s.timeline().total().toNanos()).toArray();
        long[] cli = r.dockerRun().stream().mapToLong(s -> s.total().toNanos()).toArray();
        return Measured.of(List.of(EndToEndFigure.of("cold start " + FUNCTION + ", harness runtime: create → first 200",
                        "runtime.ColdStartBenchmark, bridge network, interleaved with docker run", harness.length,
                        Percentiles.nearestRank(harness, 50), Percentiles.nearestRank(harness, 99))
                .against("docker run → first 200", Percentiles.nearestRank(cli, 50), Percentiles.nearestRank(cli, 99))));
    }
}
