package dev.synwarm.cli;

import dev.synwarm.bpf.BpfReaper;
import dev.synwarm.gateway.TlsKeyReaper;
import dev.synwarm.net.NetReapers;
import dev.synwarm.runtime.ContainerReaper;
import dev.synwarm.sys.Ownership;
import dev.synwarm.sys.Reaper;
import dev.synwarm.sys.RunId;
import dev.synwarm.sys.StaleReaping;
import dev.synwarm.sys.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synwarm cleanup}: removes what synwarm runs left behind (dead runs only, unless --all). */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Remove namespaces, links (with their qdiscs and XDP/TC programs), cgroups, delay-line "
                + "processes, containers and TLS key temp directories of synwarm runs whose process is gone.")
public final class CleanupCommand implements Callable<Integer> {
    @Option(names = "--all", description = "Also remove resources of runs that are still alive.")
    boolean all;

    @Option(names = "--run", paramLabel = "ID", description = "Only this run id (4 characters).")
    String run;

    /** Every reaper, in removal order (processes before the namespaces and cgroups they use). */
    public static List<Reaper> reapers() {
        // Containers first (they may hold the client cgroup's processes), then hooks on our links, then
        // delay-line processes, namespaces, links and cgroups.
        List<Reaper> r = new ArrayList<>();
        r.add(new ContainerReaper());
        r.add(new BpfReaper());
        r.addAll(NetReapers.all());
        r.add(TlsKeyReaper.create());
        return List.copyOf(r);
    }

    @Override
    public Integer call() {
        Predicate<RunId> which = all ? id -> true : id -> !Ownership.isLive(id);
        if (run != null) {
            RunId only;
            try {
                only = new RunId(run);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--run " + run + ": " + e.getMessage());
            }
            which = which.and(only::equals);
        }
        List<StaleReaping.Reaped> done = StaleReaping.reap(reapers(), which);
        for (StaleReaping.Reaped r : done) {
            System.out.println("removed " + r.kind() + " " + r.what());
        }
        System.err.println("synwarm cleanup: " + (done.isEmpty() ? "nothing to remove" : done.size() + " removed"));
        return Main.EXIT_OK;
    }
}
