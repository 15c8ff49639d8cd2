package dev.synwarm.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code scenarios/bad/} is rejected with exactly the one-line message its first line
 * announces ({@code # expect: <line>: <field>: <problem>}, after the file name).
 */
class MalformedScenarioTest {
    private static final Path BAD = Path.of("src/test/resources/scenarios/bad");

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(BAD)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusIsLargeEnough() throws IOException {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRejectedWithItsExactMessage(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.getFirst()).startsWith("# expect: ");
        String expected = file + ":" + lines.getFirst().substring("# expect: ".length());
        assertThatThrownBy(() -> ScenarioReader.read(file))
                .isInstanceOf(UsageException.class)
                .hasMessage(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
