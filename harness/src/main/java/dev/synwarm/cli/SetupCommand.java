package dev.synwarm.cli;

import dev.synwarm.host.SystemPackages;
import dev.synwarm.runtime.DockerDaemon;
import dev.synwarm.runtime.ImageBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "setup", description = "Install what synwarm needs (apt, as root), start dockerd, build the function "
        + "images offline. Idempotent: a second run only checks.")
public final class SetupCommand implements Callable<Integer> {
    @Option(names = "--with-analysis", description = "also install the notebook and paper tool chain (jupyter, pandas, "
            + "matplotlib, latexmk, TeX Live)")
    boolean analysis;

    @Override
    public Integer call() {
        List<String> wanted = new ArrayList<>(SystemPackages.RUN);
        if (analysis) {
            wanted.addAll(SystemPackages.ANALYSIS);
        }
        List<String> missing = SystemPackages.missing(wanted);
        if (missing.isEmpty()) {
            System.err.println("setup: system packages present");
        } else {
            SystemPackages.install(missing, line -> System.err.println("setup: " + line));
        }
        DockerDaemon.Info docker = DockerDaemon.ensureRunning();
        System.err.println("setup: Docker " + docker.engineVersion() + " at " + docker.socket());
        ImageBuilder.ensureAll(line -> System.err.println("setup: " + line));
        return Main.EXIT_OK;
    }
}
