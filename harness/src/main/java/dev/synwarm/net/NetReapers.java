package dev.synwarm.net;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.ListingReaper;
import dev.synwarm.sys.Reaper;
import dev.synwarm.sys.RunId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reapers for what {@link Topology} leaves behind when its process dies without cleaning up: delay-line
 * processes, client namespaces, root-namespace links (their qdiscs and XDP/TC attachments go with them)
 * and client cgroups. {@link #all} lists them in a safe removal order.
 */
public final class NetReapers {
    private NetReapers() {}

    /** Processes first (they hold sockets and cgroups), then namespaces, links, cgroups. */
    public static List<Reaper> all() {
        return List.of(
                new ListingReaper<>("delay line process", NetReapers::delayLineProcesses, NetReapers::delayLineRun,
                        NetReapers::kill, p -> "pid " + p.getFileName()),
                ListingReaper.ofNames("netns", NetReapers::namespaces, Ip::deleteNetns),
                // a veth pair goes at once, so a peer may be gone already: deleteLink accepts that
                ListingReaper.ofNames("link", LinkNames::rootNamespace, Ip::deleteLink),
                new ListingReaper<>("cgroup", NetReapers::cgroupDirs, d -> RunId.ofName(d.getFileName().toString()),
                        Cgroups::remove, Path::toString));
    }

    private static List<String> namespaces() {
        return Proc.run("ip", "netns", "list").orThrow().stdout().lines()
                .map(l -> l.strip().split(" ")[0]).filter(n -> !n.isEmpty()).toList();
    }

    private static List<Path> cgroupDirs() {
        try (Stream<Path> dirs = Files.list(Cgroups.root())) {
            return dirs.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Path> delayLineProcesses() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(q -> q.getFileName().toString().matches("\\d+")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Delay-line JVMs are recognised by their main class and the {@code --run ID} in their command line. */
    static Optional<RunId> delayLineRun(Path proc) {
        try {
            List<String> args = List.of(new String(Files.readAllBytes(proc.resolve("cmdline")),
                    StandardCharsets.UTF_8).split("\0"));
            int i = args.indexOf("--run");
            if (args.contains(DelayLineMain.class.getName()) && i >= 0 && i + 1 < args.size()) {
                return Optional.of(new RunId(args.get(i + 1)));
            }
        } catch (IOException | IllegalArgumentException e) {
            // the process ended while we looked, or is not ours
        }
        return Optional.empty();
    }

    private static void kill(Path proc) {
        ProcessHandle.of(Long.parseLong(proc.getFileName().toString())).ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().join();
        });
    }
}
