package dev.synwarm.runtime.bench;

import dev.synwarm.runtime.ContainerReaper;
import dev.synwarm.runtime.FunctionSpec;
import dev.synwarm.runtime.HttpProbe;
import dev.synwarm.runtime.LoopbackPorts;
import dev.synwarm.sys.Proc;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.SystemException;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference cold start: the plain {@code docker run -d} CLI, timed from spawning it to the function's
 * first HTTP 200. Polling starts when the CLI has exited, as the runtime's starts when its start call has
 * returned: polling earlier hits docker-proxy while it cannot reach the container yet, and such an attempt
 * hangs. Same image, env, labels and publishing as the runtime.
 */
public final class DockerRunReference {
    /**
     * One reference start on the harness clock; {@code cliExitedNs} is when the CLI process ended and
     * {@code pollLag} how late the first 200 came after both the CLI's exit and the function's listen.
     */
    public record Sample(long issuedNs, long cliExitedNs, long readyNs, Duration reportedInit, Duration pollLag) {
        public Duration total() {
            return Duration.ofNanos(readyNs - issuedNs);
        }

        public Duration cliExit() {
            return Duration.ofNanos(cliExitedNs - issuedNs);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final Resources resources;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public DockerRunReference(Resources resources) {
        this.resources = resources;
    }

    public Sample run(FunctionSpec spec, String image) {
        String name = resources.runId().name("ref-" + spec.function().replace("fn-", "") + "-" + SEQUENCE.incrementAndGet());
        int port = LoopbackPorts.free();
        InetSocketAddress endpoint = new InetSocketAddress("127.0.0.1", port);
        List<String> cmd = command(spec, image, name, resources.runId().value(), port);
        String what = "container " + name;
        resources.add(what, () -> Proc.run("docker", "rm", "-f", name));
        try {
            long issued = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            String output = read(p); // until the CLI closes its output, i.e. exits
            int rc = p.waitFor();
            long exitNs = System.nanoTime();
            if (rc != 0) {
                throw new SystemException(String.join(" ", cmd) + " failed (exit " + rc + "): " + output.strip());
            }
            HttpProbe.Reply r = HttpProbe.awaitOk(endpoint, "/healthz", exitNs + TIMEOUT.toNanos(), () -> true);
            long listening = r.listeningNs().orElse(r.receivedNs());
            return new Sample(issued, exitNs, r.receivedNs(), r.reportedInit().orElse(Duration.ZERO),
                    Duration.ofNanos(r.receivedNs() - Math.max(listening, exitNs)));
        } catch (IOException e) {
            throw new SystemException("cannot run docker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemException("interrupted while running docker run", e);
        } finally {
            resources.releaseNow(what);
        }
    }

    static List<String> command(FunctionSpec spec, String image, String name, String runId, int port) {
        List<String> cmd = new ArrayList<>(List.of("docker", "run", "-d", "--name", name,
                "--label", ContainerReaper.LABEL + "=" + spec.function(),
                "--label", ContainerReaper.RUN_LABEL + "=" + runId,
                "-e", "INIT_MS=" + spec.init().toMillis(),
                "-e", "EXEC_MS=" + spec.exec().toMillis(),
                "-e", "INIT_WORK=" + spec.initWorkMib()));
        switch (spec.network()) {
            case BRIDGE -> cmd.addAll(List.of("-e", "PORT=8080", "-p", "127.0.0.1:" + port + ":8080"));
            case HOST -> cmd.addAll(List.of("--network", "host", "-e", "PORT=" + port, "-e", "BIND_ADDR=127.0.0.1"));
        }
        cmd.add(image);
        return cmd;
    }

    private static String read(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
