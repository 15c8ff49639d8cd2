package dev.synwarm.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synwarm.runtime.image.FunctionImages;
import dev.synwarm.sys.UsageException;
import dev.synwarm.testing.Requires;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionsTest {
    @Test
    void knowsTheFourFunctions() {
        assertThat(Functions.known()).containsExactlyInAnyOrder("fn-static", "fn-jvm", "fn-jvm-aot", "fn-python");
    }

    @Test
    void tagsAreContentHashesOfTheCheckedInSources() {
        for (String fn : Functions.known()) {
            assertThat(Functions.imageTag(fn)).matches("synwarm/" + fn + ":[0-9a-f]{12}");
            assertThat(Functions.imageTag(fn)).isEqualTo(Functions.imageTag(fn));
        }
        assertThat(Functions.imageTag("fn-jvm")).isNotEqualTo(Functions.imageTag("fn-jvm-aot").replace("-aot", ""));
    }

    @Test
    void aChangedSourceGivesANewTag(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("functions/fn-static");
        Files.createDirectories(copy);
        for (String f : new String[] {"fn.c", "Dockerfile"}) {
            Files.copy(Requires.repo().resolve("functions/fn-static").resolve(f), copy.resolve(f));
        }
        FunctionImages images = new FunctionImages(tmp.resolve("functions"), tmp);
        assertThat(images.tag("fn-static")).isEqualTo(Functions.imageTag("fn-static"));
        Files.writeString(copy.resolve("fn.c"), "\n// changed\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(images.tag("fn-static")).isNotEqualTo(Functions.imageTag("fn-static"));
    }

    @Test
    void unknownFunctionsAndBadKnobsAreUsageErrorsNamingTheValue() {
        assertThatThrownBy(() -> Functions.imageTag("fn-cobol"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'fn-cobol'")
                .hasMessageContaining("fn-static");
        assertThatThrownBy(() -> new FunctionSpec("fn-cobol", Duration.ZERO, Duration.ZERO, NetworkMode.BRIDGE))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> new FunctionSpec("fn-static", Duration.ofMillis(-1), Duration.ZERO, NetworkMode.HOST))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new FunctionSpec("fn-static", Duration.ZERO, Duration.ZERO, NetworkMode.HOST, -3))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("-3");
    }

    @Test
    void networkModesParseInAnyCase() {
        assertThat(NetworkMode.parse("Host")).isEqualTo(NetworkMode.HOST);
        assertThat(NetworkMode.parse("bridge")).isEqualTo(NetworkMode.BRIDGE);
        assertThatThrownBy(() -> NetworkMode.parse("macvlan")).isInstanceOf(UsageException.class).hasMessageContaining("'macvlan'");
    }
}
