package dev.synwarm.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.synwarm.runtime.image.FunctionImages;
import dev.synwarm.sys.KillPoint;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.SystemException;
import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link FunctionRuntime} on the local Docker engine through Testcontainers' docker-java client: create,
 * start, then tight HTTP polling until the function answers 200. Containers are named {@code
 * sw-<run>-<fn>-<n>}, labelled {@code synwarm=<fn>} and {@code synwarm.run=<run>}, published on 127.0.0.1
 * only, and registered in the run's {@link Resources} (reaped by {@link ContainerReaper} after a crash).
 */
public final class DockerRuntime implements FunctionRuntime {
    static final int FUNCTION_PORT = 8080;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;
    /** How long a restarting daemon may take before removing a container or starting the next one gives up. */
    public static final Duration DAEMON_RETURN_TIMEOUT = Duration.ofSeconds(60);

    private final DockerClient docker;
    private final Resources resources;
    private final FunctionImages images;
    private final DockerDaemon.Info daemon;
    private final Containers containers;
    /** Per process, not per runtime: two runtimes on one run's Resources must not reuse a name. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final Map<String, Instance> live = new ConcurrentHashMap<>();

    DockerRuntime(DockerClient docker, DockerDaemon.Info daemon, Resources resources, FunctionImages images) {
        this.docker = docker;
        this.daemon = daemon;
        this.resources = resources;
        this.images = images;
        this.containers = new Containers(docker);
    }

    /** Connects to the local daemon (starting it if needed) for the functions of this checkout. */
    public static DockerRuntime open(Resources res) {
        return open(res, Functions.images());
    }

    public static DockerRuntime open(Resources res, FunctionImages images) {
        DockerDaemon.Info daemon = DockerDaemon.ensureRunning();
        return new DockerRuntime(DockerClients.connect(daemon), daemon, res, images);
    }

    public DockerDaemon.Info daemon() {
        return daemon;
    }

    /** The image {@code function} starts from; a UsageException naming it when it has not been built. */
    public String requireImage(String function) {
        String tag = images.tag(function);
        try {
            docker.inspectImageCmd(tag).exec();
            return tag;
        } catch (NotFoundException e) {
            throw missingImage(function, tag);
        }
    }

    @Override
    public Instance start(FunctionSpec spec) {
        String tag = images.tag(spec.function());
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(spec, tag);
            } catch (PortTaken e) {
                if (attempt == PORT_ATTEMPTS) {
                    throw new SystemException("could not publish " + spec.function() + ": " + e.getMessage());
                }
            }
        }
    }

    private Instance startOnce(FunctionSpec spec, String tag) {
        String name = resources.runId().name(spec.function().replace("fn-", "") + "-" + SEQUENCE.incrementAndGet());
        int port = LoopbackPorts.free();
        InetSocketAddress endpoint = new InetSocketAddress("127.0.0.1", port);
        CreateContainerCmd create = createCommand(spec, tag, name, port);

        long createIssued = System.nanoTime();
        String id;
        try {
            id = create.exec().getId();
        } catch (NotFoundException e) {
            throw missingImage(spec.function(), tag);
        } catch (RuntimeException e) {
            throw DockerDaemon.isUnreachable(e) ? DockerDaemon.unreachable("docker create " + name, e) : e;
        }
        long createReturned = System.nanoTime();
        resources.add(what(name), () -> removeOnceAnswering(id));
        KillPoint.reached("container.created", resources.runId());

        long startIssued = System.nanoTime();
        try {
            docker.startContainerCmd(id).exec();
        } catch (DockerException e) {
            resources.releaseNow(what(name));
            if (isPortTaken(e)) {
                throw new PortTaken(e.getMessage());
            }
            throw new SystemException("docker start " + name + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            resources.releaseNow(what(name));
            throw DockerDaemon.isUnreachable(e) ? DockerDaemon.unreachable("docker start " + name, e) : e;
        }
        long startReturned = System.nanoTime();
        KillPoint.reached("container.started", resources.runId());

        HttpProbe.Reply ready;
        try {
            ready = HttpProbe.awaitOk(endpoint, "/healthz",
                    startReturned + READY_TIMEOUT.plus(spec.init()).toNanos(), () -> containers.isRunning(id));
        } catch (SystemException e) {
            String logs = containers.logTail(id, 5);
            resources.releaseNow(what(name));
            throw new SystemException(spec.function() + " (" + name + ") never became ready: " + e.getMessage()
                    + (logs.isEmpty() ? "" : "; its output: " + logs), e);
        }
        StartTimeline t = new StartTimeline(createIssued, createReturned, startIssued, startReturned, ready.receivedNs());
        Instance inst = new Instance(id, endpoint, t, ready.reportedInit().orElse(Duration.ZERO),
                ready.listeningNs().orElse(ready.receivedNs()), name, spec);
        live.put(id, inst);
        return inst;
    }

    private CreateContainerCmd createCommand(FunctionSpec spec, String tag, String name, int port) {
        List<String> env = new ArrayList<>(List.of(
                "INIT_MS=" + spec.init().toMillis(),
                "EXEC_MS=" + spec.exec().toMillis(),
                "INIT_WORK=" + spec.initWorkMib()));
        HostConfig host = HostConfig.newHostConfig();
        CreateContainerCmd cmd = docker.createContainerCmd(tag)
                .withName(name)
                .withLabels(Map.of(ContainerReaper.LABEL, spec.function(), ContainerReaper.RUN_LABEL,
                        resources.runId().value()));
        switch (spec.network()) {
            case BRIDGE -> {
                ExposedPort inside = ExposedPort.tcp(FUNCTION_PORT);
                env.add("PORT=" + FUNCTION_PORT);
                cmd.withExposedPorts(List.of(inside));
                host.withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", port), inside));
            }
            case HOST -> {
                // Shares the host's network namespace: its own port, bound to loopback only.
                env.add("PORT=" + port);
                env.add("BIND_ADDR=127.0.0.1");
                host.withNetworkMode("host");
            }
        }
        return cmd.withEnv(env).withHostConfig(host);
    }

    /**
     * Removes a container; when the daemon is away (restarting), waits for it up to
     * {@link #DAEMON_RETURN_TIMEOUT} and removes it then, so a restart leaks no stopped container.
     */
    private void removeOnceAnswering(String id) {
        try {
            containers.remove(id);
        } catch (RuntimeException e) {
            if (!DockerDaemon.isUnreachable(e)) {
                throw e;
            }
            DockerDaemon.awaitAnswer(DAEMON_RETURN_TIMEOUT);
            containers.remove(id);
        }
    }

    @Override
    public boolean isReady(Instance instance) {
        return HttpProbe.once(instance.endpoint(), "/healthz").map(r -> r.status() == 200).orElse(false);
    }

    @Override
    public void stop(Instance instance) {
        live.remove(instance.containerId());
        resources.releaseNow(what(instance.name()));
    }

    @Override
    public void pause(Instance instance) {
        docker.pauseContainerCmd(instance.containerId()).exec();
    }

    @Override
    public ResumeTimeline unpause(Instance instance) {
        long issued = System.nanoTime();
        docker.unpauseContainerCmd(instance.containerId()).exec();
        long returned = System.nanoTime();
        HttpProbe.Reply r = HttpProbe.awaitOk(instance.endpoint(), "/healthz", returned + READY_TIMEOUT.toNanos(),
                () -> containers.isRunning(instance.containerId()));
        return new ResumeTimeline(issued, returned, r.receivedNs());
    }

    @Override
    public void close() {
        for (Instance i : List.copyOf(live.values())) {
            stop(i);
        }
        // A removal that failed while the daemon was restarting left a stopped container labelled with this run.
        try {
            DockerDaemon.awaitAnswer(DAEMON_RETURN_TIMEOUT);
            ContainerReaper.reap(docker, resources.runId()::equals);
        } catch (RuntimeException e) {
            System.err.println("synwarm: could not remove the containers of run " + resources.runId() + ": "
                    + e.getMessage() + " (./synwarm cleanup removes them)");
        }
        try {
            docker.close();
        } catch (IOException ignored) {
            // nothing left to release on a closed client
        }
    }

    static String what(String containerName) {
        return "container " + containerName;
    }

    private static boolean isPortTaken(DockerException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("address already in use") || m.contains("port is already allocated");
    }

    private static UsageException missingImage(String function, String tag) {
        return new UsageException("the image of " + function + " (" + tag + ") is not built for the current sources;"
                + " run ./synwarm setup");
    }

    /** Another process took the port between our probe and Docker's bind. */
    private static final class PortTaken extends RuntimeException {
        PortTaken(String message) {
            super(message);
        }
    }
}
