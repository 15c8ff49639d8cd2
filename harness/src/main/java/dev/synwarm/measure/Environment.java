package dev.synwarm.measure;

import dev.synwarm.sys.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the software versions and machine facts that go into run.json. */
public final class Environment {
    private Environment() {}

    public static RunManifest.Software software(Path repo, String dockerVersion) {
        Proc.Result sha = Proc.run("git", "-C", repo.toString(), "rev-parse", "HEAD");
        Proc.Result dirty = Proc.run("git", "-C", repo.toString(), "status", "--porcelain", "--untracked-files=no");
        Proc.Result libbpf = Proc.run(List.of("dpkg-query", "-W", "-f", "${Version}", "libbpf1"));
        return new RunManifest.Software(
                sha.ok() ? sha.stdout().strip() : "unknown",
                dirty.ok() && !dirty.stdout().isBlank(),
                read("/proc/sys/kernel/osrelease"),
                Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                dockerVersion == null ? "unknown" : dockerVersion,
                libbpf.ok() && !libbpf.stdout().isBlank() ? libbpf.stdout().strip() : "unknown");
    }

    public static RunManifest.Machine machine() {
        long mem = 0;
        String model = "unknown";
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    mem = Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    model = l.substring(l.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // facts we cannot read stay unknown
        }
        return new RunManifest.Machine(Runtime.getRuntime().availableProcessors(), mem, model);
    }

    /** The first seven characters of the commit, or "nogit". */
    public static String shortSha(RunManifest.Software s) {
        return s.gitCommit().equals("unknown") ? "nogit" : s.gitCommit().substring(0, 7);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
