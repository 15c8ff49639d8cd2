package dev.synwarm.testing;

import dev.synwarm.sys.Mounts;
import dev.synwarm.sys.Ownership;
import dev.synwarm.sys.Proc;
import dev.synwarm.sys.RunId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything of one synwarm run that can outlive its process, looked up the way an operator would:
 * {@code ip netns}, {@code ip link}, {@code tc qdisc}, {@code bpftool prog}, cgroups, {@code docker ps -a},
 * delay-line processes, TLS key temp directories and the ownership claim.
 */
public final class RunLeftovers {
    private static final Pattern XDP_PROG = Pattern.compile("prog/xdp id (\\d+)");
    private static final Pattern CGROUP_PROG = Pattern.compile("(?m)^\\s*(\\d+)\\s+cgroup_sock_ops");

    private RunLeftovers() {}

    /** The eBPF program ids attached to the run's edge interface and client cgroup right now. */
    public static List<Integer> attachedPrograms(RunId run) {
        List<Integer> ids = new ArrayList<>();
        Matcher m = XDP_PROG.matcher(Proc.run("ip", "-d", "link", "show", "dev", run.name("e")).stdout());
        while (m.find()) {
            ids.add(Integer.parseInt(m.group(1)));
        }
        Path cg = Mounts.requireCgroup2().resolve(run.name(""));
        if (Files.isDirectory(cg)) {
            Matcher c = CGROUP_PROG.matcher(Proc.run("bpftool", "cgroup", "show", cg.toString()).stdout());
            while (c.find()) {
                ids.add(Integer.parseInt(c.group(1)));
            }
        }
        return ids;
    }

    /** What is left of {@code run}; {@code programs} are ids seen attached while it lived. */
    public static List<String> of(RunId run, List<Integer> programs) {
        String prefix = run.name("");
        List<String> found = new ArrayList<>();
        for (String l : Proc.run("ip", "netns", "list").orThrow().stdout().split("\n")) {
            if (l.startsWith(prefix)) {
                found.add("netns " + l);
            }
        }
        for (String l : Proc.run("ip", "-o", "link", "show").orThrow().stdout().split("\n")) {
            if (l.contains(" " + prefix)) {
                found.add("link " + l.split(":\\s+")[1]);
            }
        }
        for (String l : Proc.run("tc", "qdisc", "show").orThrow().stdout().split("\n")) {
            if (l.contains("dev " + prefix)) {
                found.add("qdisc " + l);
            }
        }
        for (int id : programs) {
            if (Proc.run("bpftool", "prog", "show", "id", Integer.toString(id)).ok()) {
                found.add("bpf prog " + id);
            }
        }
        String links = Proc.run("bpftool", "link", "show").stdout();
        for (int id : programs) {
            if (Pattern.compile("\\sprog " + id + "\\b").matcher(links).find()) {
                found.add("bpf link of prog " + id);
            }
        }
        if (Files.exists(Mounts.requireCgroup2().resolve(prefix))) {
            found.add("cgroup " + prefix);
        }
        String containers = Proc.run("docker", "ps", "-a", "-q", "--filter", "label=synwarm.run=" + run.value()).stdout().strip();
        if (!containers.isEmpty()) {
            found.add("containers " + containers.replace('\n', ' '));
        }
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            tmp.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(p -> found.add("temp " + p));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(q -> q.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmd.contains("--run\0" + run.value())) {
                        found.add("process " + p.getFileName() + " " + cmd.replace('\0', ' '));
                    }
                } catch (IOException gone) {
                    // exited while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (Ownership.claimed().contains(run)) {
            found.add("ownership claim " + run);
        }
        return found;
    }
}
