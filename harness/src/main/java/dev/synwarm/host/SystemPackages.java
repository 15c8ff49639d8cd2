package dev.synwarm.host;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.SystemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Debian packages synwarm needs, installed with apt-get when missing (idempotent). */
public final class SystemPackages {
    /** What `run` needs: Docker, the eBPF tool chain, the network tools. */
    public static final List<String> RUN = List.of(
            "docker.io", "clang", "llvm", "libbpf-dev", "bpftool", "iproute2", "ethtool", "iputils-ping",
            "debootstrap", "gcc", "libc6-dev", "maven");

    /** What the notebook and the paper need (`reproduce`, CI). */
    public static final List<String> ANALYSIS = List.of(
            "jupyter-nbconvert", "python3-nbformat", "python3-ipykernel", "python3-pandas", "python3-matplotlib",
            "latexmk", "texlive-latex-base", "texlive-latex-recommended", "texlive-latex-extra",
            "texlive-fonts-recommended");

    private SystemPackages() {}

    /** The packages of {@code wanted} that dpkg does not list as installed. */
    public static List<String> missing(List<String> wanted) {
        List<String> missing = new ArrayList<>();
        for (String pkg : wanted) {
            Proc.Result r = Proc.run("dpkg-query", "-W", "-f=${Status}", pkg);
            if (!r.ok() || !r.stdout().contains("install ok installed")) {
                missing.add(pkg);
            }
        }
        return missing;
    }

    /** Installs {@code packages} with apt-get (one update first); progress lines go to {@code log}. */
    public static void install(List<String> packages, Consumer<String> log) {
        if (packages.isEmpty()) {
            return;
        }
        if (!Proc.onPath("apt-get")) {
            throw new SystemException("apt-get not found: install " + String.join(" ", packages) + " by hand");
        }
        log.accept("apt-get install " + String.join(" ", packages));
        Duration long_ = Duration.ofMinutes(20);
        Proc.run(List.of("apt-get", "update", "-q"), long_).orThrow();
        List<String> cmd = new ArrayList<>(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y",
                "-q", "--no-install-recommends"));
        cmd.addAll(packages);
        Proc.run(cmd, long_).orThrow();
    }
}
