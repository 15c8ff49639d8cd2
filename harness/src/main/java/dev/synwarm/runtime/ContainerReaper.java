package dev.synwarm.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.synwarm.sys.Reaper;
import dev.synwarm.sys.RunId;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Removes function containers of runs chosen by the caller (normally: runs whose owner is dead), found by
 * their {@code synwarm.run} label. Does nothing when no Docker daemon runs: then no container does either.
 */
public final class ContainerReaper implements Reaper {
    /** Every synwarm container carries it; its value is the function. */
    public static final String LABEL = "synwarm";
    /** The owning run's {@link RunId}. */
    public static final String RUN_LABEL = "synwarm.run";

    @Override
    public String kind() {
        return "container";
    }

    @Override
    public List<String> reap(Predicate<RunId> reap) {
        Optional<DockerDaemon.Info> daemon = DockerDaemon.ifRunning();
        if (daemon.isEmpty()) {
            return List.of();
        }
        try (DockerClient docker = DockerClients.connect(daemon.get())) {
            return reap(docker, reap);
        } catch (IOException e) {
            throw new SystemException("closing the Docker client: " + e.getMessage(), e);
        }
    }

    static List<String> reap(DockerClient docker, Predicate<RunId> reap) {
        List<String> removed = new ArrayList<>();
        List<Container> ours = docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(RUN_LABEL)).exec();
        for (Container c : ours) {
            Optional<RunId> run = runOf(c);
            if (run.isEmpty() || !reap.test(run.get())) {
                continue;
            }
            try {
                docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException alreadyGone) {
                // removed concurrently by its owner
            } catch (com.github.dockerjava.api.exception.ConflictException e) {
                if (!e.getMessage().contains("already in progress")) {
                    throw e;
                }
                // another process's reaper is removing it right now (every synwarm command reaps at start)
            }
            removed.add(name(c) + " (run " + run.get() + ")");
        }
        return removed;
    }

    private static Optional<RunId> runOf(Container c) {
        String v = c.getLabels() == null ? null : c.getLabels().get(RUN_LABEL);
        try {
            return v == null ? Optional.empty() : Optional.of(new RunId(v));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static String name(Container c) {
        String[] names = c.getNames();
        return names != null && names.length > 0 ? names[0].replaceFirst("^/", "") : c.getId().substring(0, 12);
    }
}
