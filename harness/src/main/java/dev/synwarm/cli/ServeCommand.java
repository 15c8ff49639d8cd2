package dev.synwarm.cli;

import dev.synwarm.experiment.Serve;
import dev.synwarm.experiment.StopSignal;
import dev.synwarm.gateway.LaunchSpec;
import dev.synwarm.gateway.PrewarmLimits;
import dev.synwarm.scenario.ContainerNetwork;
import dev.synwarm.scenario.EmulatorKind;
import dev.synwarm.scenario.Link;
import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.ScenarioReader;
import dev.synwarm.sys.UsageException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Run the edge until Ctrl-C: client netns, emulated link, SYN probe, gateway. "
        + "Prints the client netns and endpoint URLs; logs every request's timeline; scales an instance idle "
        + "for --idle to zero.")
public final class ServeCommand implements Callable<Integer>, CreatesResources {
    @Option(names = "--function", paramLabel = "NAME", description = "fn-static, fn-jvm, fn-jvm-aot or fn-python (default: fn-static)")
    String function = "fn-static";

    @Option(names = "--init", paramLabel = "DURATION", description = "simulated init, INIT_MS (default: 0ms)")
    Duration init = Duration.ZERO;

    @Option(names = "--exec", paramLabel = "DURATION", description = "per-request work, EXEC_MS (default: 0ms)")
    Duration exec = Duration.ZERO;

    @Option(names = "--one-way", paramLabel = "DURATION", description = "one-way delay client<->edge (default: 0ms)")
    Duration oneWay = Duration.ZERO;

    @Option(names = "--jitter", paramLabel = "DURATION", description = "uniform jitter (default: 0ms)")
    Duration jitter = Duration.ZERO;

    @Option(names = "--loss", paramLabel = "PERCENT", description = "loss per direction (default: 0)")
    double loss;

    @Option(names = "--mode", paramLabel = "MODE", description = "cold, syn-port, syn-option, sni, warm (default: syn-port)")
    String mode = "syn-port";

    @Option(names = "--tls", description = "print https:// endpoints (the gateway serves both)")
    boolean tls;

    @Option(names = "--idle", paramLabel = "DURATION", description = "scale an instance idle this long to zero (default: 5s)")
    Duration idle = Duration.ofSeconds(5);

    @Option(names = "--network", paramLabel = "bridge|host", description = "container networking (default: bridge)")
    String network = "bridge";

    @Option(names = "--emulator", paramLabel = "auto|netem|delayline", description = "WAN emulator (default: auto)")
    String emulator = "auto";

    @Option(names = "--hook", paramLabel = "xdp|tc", description = "where the SYN probe attaches (default: xdp)")
    String hook = "xdp";

    @Option(names = "--cooldown", paramLabel = "DURATION", description = "in-kernel pre-warm cooldown per function (default: 1s)")
    Duration cooldown = PrewarmLimits.EXPOSED.cooldown();

    @Option(names = "--max-prewarms", paramLabel = "N", description = "pre-warm starts in flight at once (default: 2)")
    int maxPrewarms = PrewarmLimits.EXPOSED.maxStartsInFlight();

    @Option(names = "--claim-timeout", paramLabel = "DURATION",
            description = "stop a pre-warmed instance no request used within this time, counted as wasted (default: 5s)")
    Duration claimTimeout = PrewarmLimits.EXPOSED.claimTimeout();

    @Override
    public Integer call() throws InterruptedException {
        if (!ScenarioReader.FUNCTIONS.contains(function)) {
            throw new UsageException("--function: unknown function '" + function + "' (known: "
                    + String.join(", ", ScenarioReader.FUNCTIONS.stream().sorted().toList()) + ")");
        }
        Mode m = Mode.of(mode).orElseThrow(() -> new UsageException("--mode: unknown mode '" + mode + "' (known: " + Mode.labels() + ")"));
        ContainerNetwork net = ContainerNetwork.of(network)
                .orElseThrow(() -> new UsageException("--network: '" + network + "' is not one of bridge, host"));
        EmulatorKind emu = EmulatorKind.of(emulator)
                .orElseThrow(() -> new UsageException("--emulator: '" + emulator + "' is not one of auto, netem, delayline"));
        if (jitter.compareTo(oneWay) > 0 || !(loss >= 0 && loss <= 50) || idle.isZero()) {
            throw new UsageException("--jitter must not exceed --one-way, --loss must be within 0..50 and --idle above 0");
        }
        if (cooldown.isNegative() || maxPrewarms < 1 || claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new UsageException("--cooldown must not be negative, --max-prewarms at least 1 and --claim-timeout above 0: "
                    + cooldown + ", " + maxPrewarms + ", " + claimTimeout);
        }
        PrewarmLimits limits = new PrewarmLimits(cooldown, maxPrewarms, claimTimeout);
        try (StopSignal stop = StopSignal.install()) {
            Serve.run(new Serve.Options(new LaunchSpec(function, init, exec, net), new Link(oneWay, jitter, loss), emu, m,
                    tls, idle, Options.hook(hook), limits), stop, System.out);
        }
        return Main.EXIT_OK;
    }
}
