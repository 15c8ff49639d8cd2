package dev.synwarm.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Ports;
import dev.synwarm.runtime.image.FunctionImages;
import dev.synwarm.sys.Proc;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.UsageException;
import dev.synwarm.testing.Requires;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Starts, probes and removes every function image through the runtime, with the real Docker daemon. */
class DockerRuntimeTest {
    private static Resources res;
    private static DockerRuntime runtime;
    private static DockerClient docker;

    @BeforeAll
    static void open() {
        List<ImageBuilder.Built> built = DockerTests.requireImages();
        assertThat(built).extracting(ImageBuilder.Built::function).containsExactlyElementsOf(
                dev.synwarm.runtime.image.FunctionImages.NAMES);
        res = Resources.open();
        runtime = DockerRuntime.open(res);
        docker = DockerTests.client();
    }

    @AfterAll
    static void close() throws IOException {
        if (runtime != null) {
            runtime.close();
            assertThat(ours()).as("containers left by run " + res.runId()).isEmpty();
            res.close();
            docker.close();
        }
    }

    private static List<?> ours() {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerReaper.RUN_LABEL, res.runId().value())).exec();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fn-static", "fn-jvm", "fn-jvm-aot", "fn-python"})
    void coldStartsProbesAndRemovesEachFunction(String function) {
        Instance i = runtime.start(new FunctionSpec(function, Duration.ZERO, Duration.ZERO, NetworkMode.BRIDGE));
        StartTimeline t = i.timeline();
        assertThat(t.createIssuedNs()).isLessThanOrEqualTo(t.createReturnedNs());
        assertThat(t.createReturnedNs()).isLessThanOrEqualTo(t.startIssuedNs());
        assertThat(t.startIssuedNs()).isLessThanOrEqualTo(t.startReturnedNs());
        assertThat(t.startReturnedNs()).isLessThan(t.readyNs());
        // The function's own clock is the harness's: it listened before we saw its first answer.
        assertThat(i.listeningNs()).isBetween(t.createIssuedNs(), t.readyNs());
        assertThat(i.reportedInit()).isPositive();

        assertThat(i.endpoint().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(runtime.isReady(i)).isTrue();
        var root = HttpProbe.once(i.endpoint(), "/").orElseThrow();
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.reportedInit()).contains(i.reportedInit());
        assertThat(HttpProbe.once(i.endpoint(), "/nope").orElseThrow().status()).isEqualTo(404);

        InspectContainerResponse c = docker.inspectContainerCmd(i.containerId()).exec();
        assertThat(c.getName()).isEqualTo("/" + i.name()).startsWith("/sw-" + res.runId().value() + "-");
        assertThat(c.getConfig().getLabels())
                .containsEntry(ContainerReaper.LABEL, function)
                .containsEntry(ContainerReaper.RUN_LABEL, res.runId().value());
        Ports.Binding[] published = c.getHostConfig().getPortBindings().getBindings().values().iterator().next();
        assertThat(published).extracting(Ports.Binding::getHostIp).containsOnly("127.0.0.1");

        runtime.stop(i);
        assertThatThrownBy(() -> docker.inspectContainerCmd(i.containerId()).exec()).isInstanceOf(NotFoundException.class);
        assertThat(runtime.isReady(i)).isFalse();
    }

    @Test
    void hostNetworkingListensOnItsOwnLoopbackPortOnly() {
        Instance i = runtime.start(new FunctionSpec("fn-static", Duration.ZERO, Duration.ZERO, NetworkMode.HOST));
        try {
            assertThat(docker.inspectContainerCmd(i.containerId()).exec().getHostConfig().getNetworkMode()).isEqualTo("host");
            String listeners = Proc.run("ss", "-Hltn", "sport = :" + i.endpoint().getPort()).orThrow().stdout();
            // Field 4 of each listener line is its local address: only loopback, never a wildcard.
            assertThat(listeners.strip().lines().map(l -> l.strip().split("\\s+")[3]))
                    .containsExactly("127.0.0.1:" + i.endpoint().getPort());
            assertThat(runtime.isReady(i)).isTrue();
        } finally {
            runtime.stop(i);
        }
    }

    @Test
    void initKnobsReachTheFunction() {
        Instance slow = runtime.start(new FunctionSpec("fn-static", Duration.ofMillis(300), Duration.ZERO, NetworkMode.BRIDGE));
        Instance worker = runtime.start(new FunctionSpec("fn-static", Duration.ZERO, Duration.ZERO, NetworkMode.BRIDGE, 16));
        try {
            // INIT_MS is a sleep before listen: the function's own measurement cannot be shorter.
            assertThat(slow.reportedInit()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(slow.timeline().startReturnedToReady().plus(slow.timeline().start()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(docker.inspectContainerCmd(worker.containerId()).exec().getConfig().getEnv()).contains("INIT_WORK=16");
            assertThat(runtime.isReady(worker)).isTrue();
        } finally {
            runtime.stop(slow);
            runtime.stop(worker);
        }
    }

    @Test
    void pausedInstancesDoNotAnswerAndAnswerAgainAfterUnpause() {
        Instance i = runtime.start(new FunctionSpec("fn-static", Duration.ZERO, Duration.ZERO, NetworkMode.BRIDGE));
        try {
            runtime.pause(i);
            assertThat(docker.inspectContainerCmd(i.containerId()).exec().getState().getPaused()).isTrue();
            assertThat(runtime.isReady(i)).isFalse();
            ResumeTimeline r = runtime.unpause(i);
            assertThat(r.unpauseIssuedNs()).isLessThanOrEqualTo(r.unpauseReturnedNs());
            assertThat(r.unpauseReturnedNs()).isLessThan(r.readyNs());
            assertThat(runtime.isReady(i)).isTrue();
        } finally {
            runtime.stop(i);
        }
    }

    @Test
    void anImageThatWasNotBuiltIsAUsageErrorNamingIt(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("functions/fn-static");
        Files.createDirectories(copy);
        for (String f : new String[] {"fn.c", "Dockerfile"}) {
            Files.copy(Requires.repo().resolve("functions/fn-static").resolve(f), copy.resolve(f));
        }
        Files.writeString(copy.resolve("fn.c"), "\n// never built\n", StandardOpenOption.APPEND);
        FunctionImages changed = new FunctionImages(tmp.resolve("functions"), tmp);
        String tag = changed.tag("fn-static");
        try (DockerRuntime other = DockerRuntime.open(res, changed)) {
            assertThatThrownBy(() -> other.start(new FunctionSpec("fn-static", Duration.ZERO, Duration.ZERO, NetworkMode.BRIDGE)))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining(tag)
                    .hasMessageContaining("setup");
            assertThatThrownBy(() -> other.requireImage("fn-static")).isInstanceOf(UsageException.class);
        }
        assertThat(ours()).isEmpty();
    }

    @Test
    void closeRemovesEverythingTheRuntimeStarted() {
        try (Resources own = Resources.open(); DockerRuntime rt = DockerRuntime.open(own)) {
            rt.start(new FunctionSpec("fn-static", Duration.ZERO, Duration.ZERO, NetworkMode.BRIDGE));
            rt.start(new FunctionSpec("fn-static", Duration.ZERO, Duration.ZERO, NetworkMode.HOST));
            assertThat(docker.listContainersCmd().withLabelFilter(Map.of(ContainerReaper.RUN_LABEL, own.runId().value())).exec())
                    .hasSize(2);
            rt.close();
            assertThat(docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(ContainerReaper.RUN_LABEL, own.runId().value())).exec()).isEmpty();
        }
    }
}
