package dev.synwarm.cli;

import dev.synwarm.bench.ProbeComparison;
import dev.synwarm.bench.SyntheticLoad;
import dev.synwarm.bpf.AttachMode;
import dev.synwarm.bpf.ConsumerKind;
import dev.synwarm.bpf.LatencyReport;
import dev.synwarm.bpf.PrewarmProbe;
import dev.synwarm.bpf.ProbeLatency;
import dev.synwarm.bpf.SynEvent;
import dev.synwarm.sys.Durations;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.UsageException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code synwarm probe}: the eBPF SYN trigger live on an interface, or its delivery latency. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Attach the pre-warm SYN probe and print its events until Ctrl-C,",
            "or with --latency measure SYN(hook) -> Java listener delay on a testbed of its own."})
public final class ProbeCommand implements Callable<Integer>, CreatesResources {
    @Spec
    CommandSpec spec;

    @Option(names = "--iface", paramLabel = "IF", description = "interface to attach to (not with --latency)")
    String iface;

    @Option(names = "--port", paramLabel = "PORT=FN", description = "destination port -> function id (repeatable)")
    Map<Integer, Integer> ports = new LinkedHashMap<>();

    @Option(names = "--mode", paramLabel = "xdp|tc", converter = ModeConverter.class, defaultValue = "xdp",
            description = "hook: xdp or tc (default ${DEFAULT-VALUE})")
    AttachMode mode;

    @Option(names = "--consumer", paramLabel = "blocking|spin|spin-nice10|spin-nice20|spin-norest", converter = ConsumerConverter.class,
            split = ",", defaultValue = "blocking",
            description = "ring buffer consumer (default ${DEFAULT-VALUE}; the last three for comparison); "
                    + "--latency takes a comma-separated list and measures them interleaved")
    List<ConsumerKind> consumers;

    @Option(names = "--spin-budget", paramLabel = "DURATION", defaultValue = "1s",
            description = "spinning consumers: sleep in poll(2) after this long without events (default ${DEFAULT-VALUE})")
    Duration spinBudget;

    @Option(names = "--cooldown", paramLabel = "DURATION", defaultValue = "0",
            description = "at most one event per function per cooldown (default 0: every SYN)")
    Duration cooldown;

    @Option(names = "--latency", description = "measure delivery latency on a private veth/netns testbed")
    boolean latency;

    @Option(names = "--count", defaultValue = "200", description = "--latency: measured connections (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--gap", paramLabel = "DURATION", defaultValue = "2ms",
            description = "--latency: pause between connections (default ${DEFAULT-VALUE})")
    Duration gap;

    @Option(names = "--rounds", defaultValue = "1",
            description = "--latency: rounds, each measuring every consumer for count/rounds connections (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--under-load", description = "--latency: measure each consumer also under a synthetic CPU load, interleaved")
    boolean underLoad;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ports.forEach((port, fn) -> {
            if (port < 1 || port > 65535) {
                throw new UsageException("--port " + port + "=" + fn + ": port must be in 1..65535");
            }
        });
        if (count < 1) {
            throw new UsageException("--count " + count + ": must be at least 1");
        }
        if (!spinBudget.isPositive()) {
            throw new UsageException("--spin-budget " + Durations.format(spinBudget) + ": must be positive");
        }
        if (rounds < 1 || rounds > count) {
            throw new UsageException("--rounds " + rounds + ": must be in 1..--count (" + count + ")");
        }
        if (latency) {
            if (iface != null) {
                throw new UsageException("--latency builds its own interfaces; drop --iface " + iface);
            }
            printLatency(out);
            return 0;
        }
        if (consumers.size() != 1) {
            throw new UsageException("--consumer " + consumers.stream().map(ConsumerKind::label).toList()
                    + ": one consumer unless --latency");
        }
        ConsumerKind consumer = consumers.getFirst();
        try (Resources res = Resources.open()) {
            if (iface == null) {
                throw new UsageException("--iface is required (or use --latency)");
            }
            if (ports.isEmpty()) {
                throw new UsageException("give at least one --port PORT=FN (SYNs with the fnid option fire without one)");
            }
            PrewarmProbe probe = PrewarmProbe.attach(iface, mode, consumer, spinBudget, cooldown, e -> print(out, e), res);
            ports.forEach(probe::mapPort);
            out.printf("probe on %s (%s, %s consumer, cooldown %s), ports %s; Ctrl-C to stop%n", iface,
                    mode.name().toLowerCase(Locale.ROOT), consumer.label(),
                    Durations.format(cooldown), ports);
            out.flush();
            new CountDownLatch(1).await(); // until SIGINT/SIGTERM: the shutdown hook releases everything
            return 0;
        }
    }

    private void printLatency(PrintWriter out) {
        int perRound = count / rounds;
        out.printf(Locale.ROOT, "SYN(hook) -> Java listener, %s, %d connections per consumer%s (+%d warm-up each), %s apart, %d round(s)%n",
                mode.name().toLowerCase(Locale.ROOT), perRound * rounds, underLoad ? " and load" : "", ProbeLatency.WARM_UP,
                Durations.format(gap), rounds);
        out.flush();
        var plan = new ProbeComparison.Plan(mode, consumers, underLoad, rounds, perRound, gap, spinBudget);
        for (ProbeComparison.Row row : ProbeComparison.run(plan, spec.commandLine().getErr())) {
            LatencyReport r = row.report();
            out.printf(Locale.ROOT, "  %-11s %-20s min %s  p50 %s  p90 %s  p99 %s  max %s  (events %d/%d, kernel: %d sent, %d lost)%n",
                    row.consumer().label(), row.loadLabel(), us(r.min()), us(r.p50()), us(r.p90()), us(r.p99()), us(r.max()),
                    r.events(), r.connections(), r.stats().events(), r.stats().ringBufferFull());
        }
        if (underLoad) {
            out.println("  (" + SyntheticLoad.DESCRIPTION + ")");
        }
    }

    private static void print(PrintWriter out, SynEvent e) {
        out.printf(Locale.ROOT, "fn=%d source=%s %s:%d -> :%d hook->java=%s%s%n", e.fnId(),
                e.source().name().toLowerCase(Locale.ROOT), e.saddr().getHostAddress(), e.sport(), e.dport(),
                us(Duration.ofNanos(e.deliveryNs())), e.suppressed() > 0 ? " (suppressed before: " + e.suppressed() + ")" : "");
        out.flush();
    }

    private static String us(Duration d) {
        return String.format(Locale.ROOT, "%.1fus", d.toNanos() / 1e3);
    }

    static final class ModeConverter implements CommandLine.ITypeConverter<AttachMode> {
        @Override
        public AttachMode convert(String v) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "xdp" -> AttachMode.XDP;
                case "tc" -> AttachMode.TC;
                default -> throw new CommandLine.TypeConversionException("'" + v + "' is not xdp or tc");
            };
        }
    }

    static final class ConsumerConverter implements CommandLine.ITypeConverter<ConsumerKind> {
        @Override
        public ConsumerKind convert(String v) {
            for (ConsumerKind k : ConsumerKind.values()) {
                if (k.label().equals(v.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new CommandLine.TypeConversionException("'" + v + "' is not blocking, spin, spin-nice10, spin-nice20 or spin-norest");
        }
    }
}
