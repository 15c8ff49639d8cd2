package dev.synwarm.net;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.RunId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What of one run is still on the machine: namespaces, links, cgroups, delay-line processes, qdiscs. */
final class Leftovers {
    private Leftovers() {}

    static List<String> of(RunId run) {
        String prefix = run.name("");
        List<String> found = new ArrayList<>();
        for (String l : Proc.run("ip", "netns", "list").orThrow().stdout().split("\n")) {
            if (l.startsWith(prefix)) {
                found.add("netns " + l.split(" ")[0]);
            }
        }
        for (String name : LinkNames.rootNamespace()) {
            if (name.startsWith(prefix)) {
                found.add("link " + name);
            }
        }
        if (Files.exists(Cgroups.root().resolve(prefix))) {
            found.add("cgroup " + prefix);
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(q -> q.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmd.contains(DelayLineMain.class.getName()) && cmd.contains("--run\0" + run.value())) {
                        found.add("process " + p.getFileName());
                    }
                } catch (IOException gone) {
                    // exited while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
