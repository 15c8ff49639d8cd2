package dev.synwarm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.synwarm.sys.Ownership;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.RunId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reaping with the real daemon: a dead owner's containers go, a live owner's stay. */
class ContainerReaperTest {
    @Test
    void removesContainersOfDeadRunsOnly() throws IOException {
        DockerTests.requireImages();
        RunId dead = RunId.random(); // never claimed: its owner is as dead as a SIGKILLed coldstart
        try (Resources live = Resources.open(); DockerRuntime rt = DockerRuntime.open(live); DockerClient docker = DockerTests.client()) {
            Instance running = rt.start(new FunctionSpec("fn-static", Duration.ZERO, Duration.ZERO, NetworkMode.BRIDGE));
            String orphan = docker.createContainerCmd(Functions.imageTag("fn-static"))
                    .withName(dead.name("static-1"))
                    .withLabels(Map.of(ContainerReaper.LABEL, "fn-static", ContainerReaper.RUN_LABEL, dead.value()))
                    .exec().getId();
            docker.startContainerCmd(orphan).exec();

            // Only our two runs are considered, so concurrent tests of other runs are never touched.
            List<String> removed = ContainerReaper.reap(docker,
                    id -> (id.equals(dead) || id.equals(live.runId())) && !Ownership.isLive(id));

            assertThat(removed).singleElement().asString().contains(dead.name("static-1")).contains(dead.value());
            assertThat(docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(ContainerReaper.RUN_LABEL, dead.value())).exec()).isEmpty();
            assertThat(rt.isReady(running)).isTrue();
            assertThat(new ContainerReaper().kind()).isEqualTo("container");
        }
    }
}
