package dev.synwarm.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.scenario.Cell;
import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Scenario;
import dev.synwarm.scenario.ScenarioReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepetitionOrderTest {
    private static final Scenario S = ScenarioReader.parse("order.yaml", "order", """
            function: fn-static
            init: 100ms
            protocols: [http, tls13]
            modes: [cold, syn-port, warm]
            repetitions: 5
            warmup: 1
            seed: 3
            sweep: {oneWay: [10ms, 20ms]}
            """);

    @Test
    void everyCellAndRepetitionComesExactlyOnce() {
        List<RepetitionOrder.Step> steps = RepetitionOrder.of(S);
        Set<String> seen = new HashSet<>();
        steps.forEach(st -> assertThat(seen.add(st.cell().id() + "/" + st.rep())).isTrue());
        assertThat(steps).hasSize(S.cells().size() * (S.warmup() + S.repetitions()));
    }

    @Test
    void theModesOfOneConditionTakeTurnsRoundByRound() {
        List<RepetitionOrder.Step> steps = RepetitionOrder.of(S);
        int modes = 3;
        for (int i = 0; i < steps.size(); i += modes) {
            List<RepetitionOrder.Step> round = steps.subList(i, i + modes);
            assertThat(round).extracting(RepetitionOrder.Step::rep).containsOnly(round.getFirst().rep());
            assertThat(round).extracting(RepetitionOrder.Step::condition).containsOnly(round.getFirst().condition());
            assertThat(round).extracting(st -> st.cell().mode()).containsExactlyInAnyOrder(Mode.COLD, Mode.SYN_PORT, Mode.WARM);
            Cell first = round.getFirst().cell();
            assertThat(round).allSatisfy(st -> {
                assertThat(st.cell().link()).isEqualTo(first.link());
                assertThat(st.cell().protocol()).isEqualTo(first.protocol());
            });
        }
        // warm-ups first, then repetitions in order, within each condition
        assertThat(steps.subList(0, modes)).extracting(RepetitionOrder.Step::rep).containsOnly(-1);
        assertThat(steps.subList(modes, 2 * modes)).extracting(RepetitionOrder.Step::rep).containsOnly(0);
    }

    @Test
    void theOrderWithinRoundsChangesAndIsSeeded() {
        List<RepetitionOrder.Step> steps = RepetitionOrder.of(S);
        Set<List<Mode>> orders = new HashSet<>();
        for (int i = 0; i < steps.size(); i += 3) {
            orders.add(steps.subList(i, i + 3).stream().map(st -> st.cell().mode()).toList());
        }
        assertThat(orders).hasSizeGreaterThan(1);
        assertThat(RepetitionOrder.of(S)).isEqualTo(steps);
    }
}
