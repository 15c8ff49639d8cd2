package dev.synwarm.runtime.bench;

import dev.synwarm.runtime.DockerRuntime;
import dev.synwarm.runtime.FunctionSpec;
import dev.synwarm.runtime.Instance;
import dev.synwarm.runtime.StartTimeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a cold start's time goes: the runtime's create/start/ready phases next to {@code docker run} → first
 * 200, interleaved in one run (alternating which goes first) so drift and noise hit both alike. Warm-up
 * starts of each kind run first and are not counted.
 */
public final class ColdStartBenchmark {
    public record Settings(FunctionSpec spec, int samples, int warmup) {}

    /** One runtime cold start with what the function reported. */
    public record RuntimeSample(StartTimeline timeline, Duration reportedInit, Duration readinessLag, Duration pollLag) {}

    public record Result(Settings settings, String image, String engineVersion, String apiVersion,
            List<RuntimeSample> runtime, List<DockerRunReference.Sample> dockerRun) {}

    private final DockerRuntime runtime;
    private final DockerRunReference reference;

    public ColdStartBenchmark(DockerRuntime runtime, DockerRunReference reference) {
        this.runtime = runtime;
        this.reference = reference;
    }

    public Result run(Settings s, Consumer<String> progress) {
        String image = runtime.requireImage(s.spec().function());
        for (int i = 1; i <= s.warmup(); i++) {
            RuntimeSample a = runtimeOnce(s.spec());
            DockerRunReference.Sample b = reference.run(s.spec(), image);
            progress.accept(String.format("warm-up %d/%d (not counted): runtime %.1f ms, docker run %.1f ms",
                    i, s.warmup(), ms(a.timeline().total()), ms(b.total())));
        }
        List<RuntimeSample> rt = new ArrayList<>();
        List<DockerRunReference.Sample> cli = new ArrayList<>();
        for (int i = 1; i <= s.samples(); i++) {
            if (i % 2 == 1) {
                rt.add(runtimeOnce(s.spec()));
                cli.add(reference.run(s.spec(), image));
            } else {
                cli.add(reference.run(s.spec(), image));
                rt.add(runtimeOnce(s.spec()));
            }
            progress.accept(String.format("sample %d/%d: runtime create→200 %.1f ms, docker run→200 %.1f ms",
                    i, s.samples(), ms(rt.getLast().timeline().total()), ms(cli.getLast().total())));
        }
        return new Result(s, image, runtime.daemon().engineVersion(), runtime.daemon().api().toString(), rt, cli);
    }

    private RuntimeSample runtimeOnce(FunctionSpec spec) {
        Instance inst = runtime.start(spec);
        try {
            return new RuntimeSample(inst.timeline(), inst.reportedInit(), inst.readinessLag(), inst.pollLag());
        } finally {
            runtime.stop(inst);
        }
    }

    static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }
}
