package dev.synwarm.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.runtime.FunctionSpec;
import dev.synwarm.runtime.NetworkMode;
import dev.synwarm.runtime.StartTimeline;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartReportTest {
    @Test
    void nearestRankPercentiles() {
        double[] xs = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
        assertThat(ColdStartReport.percentile(xs, 50)).isEqualTo(5);
        assertThat(ColdStartReport.percentile(xs, 95)).isEqualTo(10);
        assertThat(ColdStartReport.percentile(new double[] {42}, 95)).isEqualTo(42);
        assertThat(ColdStartReport.percentile(new double[0], 50)).isNaN();
    }

    @Test
    void phasesAndRatioComeFromTheTimelines() {
        var spec = new FunctionSpec("fn-static", Duration.ZERO, Duration.ZERO, NetworkMode.BRIDGE);
        long ms = 1_000_000;
        var rt = List.of(
                new ColdStartBenchmark.RuntimeSample(new StartTimeline(0, 10 * ms, 10 * ms, 200 * ms, 201 * ms),
                        Duration.ofMillis(1), Duration.ofMillis(6), Duration.ofMillis(1)),
                new ColdStartBenchmark.RuntimeSample(new StartTimeline(0, 20 * ms, 20 * ms, 300 * ms, 302 * ms),
                        Duration.ofMillis(1), Duration.ofMillis(6), Duration.ofMillis(2)));
        var cli = List.of(
                new DockerRunReference.Sample(0, 250 * ms, 268 * ms, Duration.ZERO, Duration.ofMillis(1)),
                new DockerRunReference.Sample(0, 290 * ms, 302 * ms, Duration.ZERO, Duration.ofMillis(1)));
        var r = ColdStartReport.of(new ColdStartBenchmark.Result(new ColdStartBenchmark.Settings(spec, 2, 0),
                "synwarm/fn-static:x", "20.10", "1.41", rt, cli));
        var byKey = new java.util.HashMap<String, ColdStartReport.Phase>();
        r.phases().forEach(p -> byKey.put(p.key(), p));
        assertThat(byKey.get("create").p50()).isEqualTo(10.0);
        assertThat(byKey.get("start").p95()).isEqualTo(280.0);
        assertThat(byKey.get("create_to_ready").p50()).isEqualTo(201.0);
        assertThat(byKey.get("docker_run_to_ready").max()).isEqualTo(302.0);
        assertThat(r.medianRatio()).isEqualTo(201.0 / 268.0);
        assertThat(r.table()).contains("create → first 200 (runtime)").contains("docker run → first 200 (CLI)");
    }

    @Test
    void theReferencePublishesOnLoopbackOnlyAndLabelsItsContainer() {
        var bridge = DockerRunReference.command(
                new FunctionSpec("fn-static", Duration.ofMillis(50), Duration.ZERO, NetworkMode.BRIDGE), "img:1", "sw-ab12-ref-1", "ab12", 4242);
        assertThat(String.join(" ", bridge)).contains("-p 127.0.0.1:4242:8080").contains("--label synwarm.run=ab12")
                .contains("-e INIT_MS=50").endsWith("img:1");
        var host = DockerRunReference.command(
                new FunctionSpec("fn-static", Duration.ZERO, Duration.ZERO, NetworkMode.HOST), "img:1", "sw-ab12-ref-2", "ab12", 4243);
        assertThat(String.join(" ", host)).contains("--network host").contains("-e PORT=4243").contains("-e BIND_ADDR=127.0.0.1")
                .doesNotContain(" -p ");
    }
}
