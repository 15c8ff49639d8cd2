package dev.synwarm.net;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.Reaper;
import dev.synwarm.sys.RunId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
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
        return List.of(new DelayLines(), new Namespaces(), new Links(), new CgroupDirs());
    }

    /** Delay-line JVMs, recognised by their main class and the {@code --run ID} in their command line. */
    static final class DelayLines implements Reaper {
        @Override
        public String kind() {
            return "delay line process";
        }

        @Override
        public List<String> reap(Predicate<RunId> reap) {
            List<String> done = new ArrayList<>();
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(q -> q.getFileName().toString().matches("\\d+")).toList()) {
                    Optional<RunId> id = delayLineRun(p);
                    if (id.isPresent() && reap.test(id.get())) {
                        long pid = Long.parseLong(p.getFileName().toString());
                        ProcessHandle.of(pid).ifPresent(h -> {
                            h.destroyForcibly();
                            h.onExit().join();
                        });
                        done.add("pid " + pid + " (run " + id.get() + ")");
                    }
                }
            } catch (IOException e) {
                return done;
            }
            return done;
        }

        private static Optional<RunId> delayLineRun(Path proc) {
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
    }

    static final class Namespaces implements Reaper {
        @Override
        public String kind() {
            return "netns";
        }

        @Override
        public List<String> reap(Predicate<RunId> reap) {
            List<String> done = new ArrayList<>();
            for (String line : Proc.run("ip", "netns", "list").orThrow().stdout().split("\n")) {
                String name = line.strip().split(" ")[0];
                if (RunId.ofName(name).filter(reap).isPresent()) {
                    Ip.deleteNetns(name);
                    done.add(name);
                }
            }
            return done;
        }
    }

    /** Root-namespace links named {@code sw-ID-…}; a veth pair goes at once, so a peer may be gone already. */
    static final class Links implements Reaper {
        @Override
        public String kind() {
            return "link";
        }

        @Override
        public List<String> reap(Predicate<RunId> reap) {
            List<String> done = new ArrayList<>();
            for (String name : linkNames(Proc.run("ip", "-o", "link", "show").orThrow().stdout())) {
                if (RunId.ofName(name).filter(reap).isPresent()) {
                    Ip.deleteLink(name);
                    done.add(name);
                }
            }
            return done;
        }

        /** Names from {@code ip -o link show}: "7: sw-ab12-cw@sw-ab12-c: <…>" → "sw-ab12-cw". */
        static List<String> linkNames(String ipOutput) {
            List<String> names = new ArrayList<>();
            for (String line : ipOutput.split("\n")) {
                String[] f = line.split(": ", 3);
                if (f.length >= 2) {
                    String n = f[1];
                    int at = n.indexOf('@');
                    names.add(at < 0 ? n : n.substring(0, at));
                }
            }
            return names;
        }
    }

    static final class CgroupDirs implements Reaper {
        @Override
        public String kind() {
            return "cgroup";
        }

        @Override
        public List<String> reap(Predicate<RunId> reap) {
            List<String> done = new ArrayList<>();
            Path root = Cgroups.root();
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path d : dirs.filter(Files::isDirectory).toList()) {
                    if (RunId.ofName(d.getFileName().toString()).filter(reap).isPresent()) {
                        Cgroups.remove(d);
                        done.add(d.toString());
                    }
                }
            } catch (IOException e) {
                return done;
            }
            return done;
        }
    }
}
