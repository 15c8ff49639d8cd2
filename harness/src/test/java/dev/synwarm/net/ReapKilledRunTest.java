package dev.synwarm.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.cli.CleanupCommand;
import dev.synwarm.cli.Main;
import dev.synwarm.sys.Ownership;
import dev.synwarm.sys.RunId;
import dev.synwarm.sys.StaleReaping;
import dev.synwarm.testing.Requires;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A run killed with SIGKILL leaves kernel objects behind; {@code synwarm cleanup} removes them. */
class ReapKilledRunTest {
    @Test
    void cleanupRemovesWhatASigkilledRunLeft() throws Exception {
        Requires.root();
        Process child = new ProcessBuilder(JavaCommand.of(TopologyHolder.class, List.of(), List.of()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        RunId run;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).startsWith("ready ");
            run = new RunId(line.substring("ready ".length()));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        try {
            assertThat(Ownership.isLive(run)).isFalse();
            assertThat(Leftovers.of(run)).contains("netns " + run.name("client"), "link " + run.name("cw"),
                    "link " + run.name("e"), "cgroup " + run.name(""));

            assertThat(Main.execute("cleanup", "--run", run.value())).isEqualTo(Main.EXIT_OK);

            assertThat(Leftovers.of(run)).isEmpty();
        } finally {
            StaleReaping.reap(CleanupCommand.reapers(), run::equals); // whatever a failed assertion left
        }
    }
}
