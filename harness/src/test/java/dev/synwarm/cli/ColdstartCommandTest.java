package dev.synwarm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.synwarm.runtime.DockerDaemon;
import dev.synwarm.runtime.ImageBuilder;
import dev.synwarm.testing.Requires;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ColdstartCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void unknownFunctionIsOneLineUsageError() {
        assertThat(run("coldstart", "--function", "fn-cobol")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("'fn-cobol'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("coldstart", "--function", "fn-static", "--network", "macvlan")).isEqualTo(Main.EXIT_USAGE);
        assertThat(run("coldstart", "--function", "fn-static", "--samples", "0")).isEqualTo(Main.EXIT_USAGE);
        assertThat(run("coldstart", "--function", "fn-static", "--init", "soon")).isEqualTo(Main.EXIT_USAGE);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void measuresAFunctionAndPrintsEveryPhaseAsJson() throws Exception {
        Requires.root();
        DockerDaemon.ensureRunning();
        Requires.docker();
        ImageBuilder.ensureAll(line -> {});
        assertThat(run("coldstart", "--function", "fn-static", "--samples", "2", "--warmup", "0", "--network", "host", "--json"))
                .as(err.toString()).isEqualTo(Main.EXIT_OK);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("function").asText()).isEqualTo("fn-static");
        assertThat(report.get("network").asText()).isEqualTo("host");
        Set<String> keys = new HashSet<>();
        for (JsonNode p : report.get("phases")) {
            keys.add(p.get("key").asText());
            assertThat(p.get("samplesMs")).hasSize(2);
        }
        assertThat(keys).contains("create", "start", "start_to_ready", "create_to_ready", "docker_run_to_ready");
        assertThat(report.get("medianRatio").asDouble()).isPositive();
        assertThat(err.toString()).contains("sample 2/2");
    }
}
