package dev.synwarm.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
    private static final Path SCENARIOS = Path.of("../scenarios");

    @Test
    void quickIsTheProductOfItsSweepProtocolsAndModes() {
        Scenario s = ScenarioReader.read(SCENARIOS.resolve("quick.yaml"));
        assertThat(s.name()).isEqualTo("quick");
        assertThat(s.cells()).hasSize(2 * 2 * 5);
        assertThat(s.cells()).allSatisfy(c -> {
            assertThat(c.function()).isEqualTo("fn-static");
            assertThat(c.init()).isEqualTo(Duration.ofMillis(100));
            assertThat(c.network()).isEqualTo(dev.synwarm.scenario.ContainerNetwork.HOST);
        });
        assertThat(s.cells()).extracting(c -> c.link().oneWay())
                .containsOnly(Duration.ofMillis(20), Duration.ofMillis(120));
        assertThat(s.repetitions()).isGreaterThanOrEqualTo(6);
        assertThat(s.cells()).extracting(Cell::id).doesNotHaveDuplicates();
    }

    @Test
    void theOrderIsShuffledButTheSameForTheSameSeed() {
        Scenario a = ScenarioReader.read(SCENARIOS.resolve("quick.yaml"));
        Scenario b = ScenarioReader.read(SCENARIOS.resolve("quick.yaml"));
        assertThat(a.cells()).isEqualTo(b.cells());
        List<String> ids = a.cells().stream().map(Cell::id).toList();
        assertThat(ids).isNotEqualTo(ids.stream().sorted().toList());
        Scenario other = ScenarioReader.parse("x.yaml", "x", "seed: 8\nprotocols: [http, tls13]\nsweep: {oneWay: [0ms, 60ms]}\n");
        assertThat(other.cells()).extracting(Cell::id).isNotEqualTo(a.cells().stream().map(Cell::id).toList());
    }

    @Test
    void defaultsGiveOneCellPerModeOnLoopback() {
        Scenario s = ScenarioReader.parse("d.yaml", "d", "function: fn-static\n");
        assertThat(s.cells()).hasSize(Mode.values().length);
        assertThat(s.repetitions()).isEqualTo(10);
        assertThat(s.warmup()).isEqualTo(2);
        assertThat(s.emulator()).isEqualTo(EmulatorKind.AUTO);
        assertThat(s.cells()).allSatisfy(c -> {
            assertThat(c.protocol()).isEqualTo(Protocol.HTTP);
            assertThat(c.link()).isEqualTo(Link.ofOneWay(Duration.ZERO));
            assertThat(c.network()).isEqualTo(ContainerNetwork.BRIDGE);
        });
    }

    @Test
    void explicitCellsMayFixProtocolAndModeOrCrossWithTheLists() {
        Scenario s = ScenarioReader.parse("e.yaml", "e", """
                protocols: [http, tls12]
                modes: [cold, warm]
                cells:
                  - {link: regional, protocol: tls13, mode: sni}
                  - {oneWay: 5ms, jitter: 1ms, loss: 0.5, init: 300ms}
                """);
        assertThat(s.cells()).hasSize(1 + 2 * 2);
        Cell sni = s.cells().stream().filter(c -> c.mode() == Mode.SNI).findFirst().orElseThrow();
        assertThat(sni.protocol()).isEqualTo(Protocol.TLS13);
        assertThat(sni.link().oneWay()).isEqualTo(Duration.ofMillis(20));
        assertThat(s.cells()).filteredOn(c -> c.mode() != Mode.SNI).allSatisfy(c -> {
            assertThat(c.link()).isEqualTo(new Link(Duration.ofMillis(5), Duration.ofMillis(1), 0.5));
            assertThat(c.init()).isEqualTo(Duration.ofMillis(300));
        });
    }

    @Test
    void scenariosKnowTheFunctionsTheRuntimeKnows() {
        assertThat(ScenarioReader.FUNCTIONS).isEqualTo(dev.synwarm.runtime.Functions.known());
    }

    @Test
    void everyShippedScenarioIsValid() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            assertThat(files.filter(f -> f.toString().endsWith(".yaml")).map(ScenarioReader::read))
                    .hasSizeGreaterThanOrEqualTo(8)
                    .allSatisfy(s -> assertThat(s.cells()).isNotEmpty());
        }
    }
}
