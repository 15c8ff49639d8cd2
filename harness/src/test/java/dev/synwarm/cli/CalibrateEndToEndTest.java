package dev.synwarm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.synwarm.testing.Requires;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code synwarm calibrate --json} on the real topology and delay line, both client wait modes (one JSON
 * object per line each), with the link's own share from the capture on both link ends; bounds are
 * functional only.
 */
class CalibrateEndToEndTest {
    @Test
    void reportsRoundTripsOfAtLeastTwiceTheOneWayDelay() throws Exception {
        Requires.root();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int code;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            code = Main.execute("calibrate", "--one-way", "2ms", "--samples", "30", "--emulator", "delayline",
                    "--client-wait", "spin,block", "--json");
        } finally {
            System.setOut(stdout);
        }
        assertThat(code).isEqualTo(Main.EXIT_OK);
        List<String> lines = buf.toString(StandardCharsets.UTF_8).strip().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(lines.get(0)).get("clientWait").asText()).isEqualTo("spin");
        assertThat(json.readTree(lines.get(1)).get("clientWait").asText()).isEqualTo("block");
        for (String line : lines) {
            checkReport(json.readTree(line));
        }
    }

    private static void checkReport(JsonNode r) {
        assertThat(r.get("serverWait").asText()).isEqualTo("block");
        assertThat(r.get("emulator").asText()).isEqualTo("delayline");
        assertThat(r.get("oneWayMs").asDouble()).isEqualTo(2.0);
        assertThat(r.get("expectedRttMs").asDouble()).isEqualTo(4.0);
        assertThat(r.get("samples").asInt()).isEqualTo(30);
        for (String f : new String[] {"connectP50Ms", "rrP50Ms", "pingP50Ms"}) {
            assertThat(r.get(f).asDouble()).as(f).isGreaterThanOrEqualTo(4.0 - 0.1).isLessThan(4.0 + 5);
        }
        assertThat(r.get("connectP99Ms").asDouble()).isGreaterThanOrEqualTo(r.get("connectP50Ms").asDouble());
        assertThat(r.get("connectP50ErrorMs").asDouble())
                .isCloseTo(r.get("connectP50Ms").asDouble() - 4.0, org.assertj.core.data.Offset.offset(0.002));
        assertThat(r.get("line").get("aToB").get("kernelDrops").asLong()).isZero();
        // the link's own share, from a capture on both link ends: every measured exchange of both waits
        JsonNode link = r.get("link");
        assertThat(link.get("connectSamples").asInt()).isEqualTo(2 * 30);
        assertThat(link.get("rrSamples").asInt()).isEqualTo(2 * 30);
        for (String f : new String[] {"connectP50Ms", "rrP50Ms"}) {
            assertThat(link.get(f).asDouble()).as("link " + f).isGreaterThan(4.0 - 0.2).isLessThan(4.0 + 1);
            assertThat(link.get(f).asDouble()).as("link " + f + " is within what the client saw")
                    .isLessThanOrEqualTo(r.get(f).asDouble() + 0.2);
        }
        assertThat(link.get("unstampedFrames").asLong()).isZero();
        // functional only: the reading exists and is a share of one CPU, not a busy loop's 100 %
        assertThat(r.get("lineIdleCpuPercent").asDouble()).isBetween(0.0, 50.0);
    }
}
