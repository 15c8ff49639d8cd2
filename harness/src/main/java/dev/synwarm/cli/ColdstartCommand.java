package dev.synwarm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.synwarm.runtime.ContainerReaper;
import dev.synwarm.runtime.DockerRuntime;
import dev.synwarm.runtime.FunctionSpec;
import dev.synwarm.runtime.NetworkMode;
import dev.synwarm.runtime.bench.ColdStartBenchmark;
import dev.synwarm.runtime.bench.ColdStartReport;
import dev.synwarm.runtime.bench.DockerRunReference;
import dev.synwarm.sys.Ownership;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.UsageException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code synwarm coldstart}: where one function's cold start time goes, next to {@code docker run}. */
@Command(
        name = "coldstart",
        mixinStandardHelpOptions = true,
        description = {
            "Cold-starts a function image repeatedly through the runtime (create, start, first HTTP 200) and,",
            "interleaved, with the plain docker run CLI; prints p50/p95 of each phase. Progress goes to stderr."
        })
public final class ColdstartCommand implements Callable<Integer>, CreatesResources {
    /** Containers (coldstart) or namespaces and the delay line (calibrate): no eBPF, so no BTF needed. */
    @Override
    public boolean loadsBpf() {
        return false;
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--function", required = true, description = "fn-static, fn-jvm, fn-jvm-aot or fn-python")
    String function;

    @Option(names = "--init", defaultValue = "0ms", description = "simulated init (INIT_MS), e.g. 100ms (default: ${DEFAULT-VALUE})")
    Duration init;

    @Option(names = "--exec", defaultValue = "0ms", description = "per-request work (EXEC_MS) (default: ${DEFAULT-VALUE})")
    Duration exec;

    @Option(names = "--init-work", defaultValue = "0", paramLabel = "MiB", description = "real init work: MiB written and checksummed (INIT_WORK)")
    int initWorkMib;

    @Option(names = "--samples", defaultValue = "30", description = "counted starts of each kind (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--warmup", defaultValue = "2", description = "uncounted starts of each kind first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--network", defaultValue = "bridge", converter = NetworkModeConverter.class,
            description = "bridge (publish on 127.0.0.1) or host (default: ${DEFAULT-VALUE})")
    NetworkMode network;

    @Option(names = "--json", description = "print the summary (with every sample) as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (samples < 1 || samples > 10_000) {
            throw new UsageException("--samples " + samples + " is outside 1..10000");
        }
        if (warmup < 0 || warmup > 100) {
            throw new UsageException("--warmup " + warmup + " is outside 0..100");
        }
        FunctionSpec fn = new FunctionSpec(function, init, exec, network, initWorkMib);
        var err = spec.commandLine().getErr();
        ColdStartReport report;
        try (Resources res = Resources.open(); DockerRuntime runtime = DockerRuntime.open(res)) {
            runtime.requireImage(function); // a missing image is a usage error, before anything starts
            var bench = new ColdStartBenchmark(runtime, new DockerRunReference(res));
            report = ColdStartReport.of(bench.run(new ColdStartBenchmark.Settings(fn, samples, warmup), line -> {
                err.println(line);
                err.flush();
            }));
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            out.print(report.table());
        }
        out.flush();
        return Main.EXIT_OK;
    }
}
