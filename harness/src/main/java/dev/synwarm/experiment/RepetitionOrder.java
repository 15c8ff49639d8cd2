package dev.synwarm.experiment;

import dev.synwarm.scenario.Cell;
import dev.synwarm.scenario.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The order of a run's requests: the modes of one condition (function, init, link, protocol, network)
 * take turns repetition by repetition, in a seeded order that changes every round, instead of each mode
 * running all its repetitions in a block. The saving of a mode is the difference of two medians
 * measured under the same condition; on a shared machine whose load changes over minutes, blocks let
 * that drift land on one mode and not the other (the docker start alone moves by tens of ms with the
 * load). Conditions keep the scenario's seeded cell order, so one link is set up once per condition.
 */
final class RepetitionOrder {
    /** One request to make: a cell, its repetition (negative: warm-up) and its condition's index. */
    record Step(Cell cell, int rep, int condition) {}

    private RepetitionOrder() {}

    static List<Step> of(Scenario s) {
        Map<List<Object>, List<Cell>> conditions = new LinkedHashMap<>();
        for (Cell c : s.cells()) {
            conditions.computeIfAbsent(List.of(c.function(), c.init(), c.exec(), c.link(), c.protocol(), c.network()),
                    k -> new ArrayList<>()).add(c);
        }
        Random rng = new Random(s.seed());
        List<Step> steps = new ArrayList<>();
        int condition = 0;
        for (List<Cell> modes : conditions.values()) {
            List<Cell> round = new ArrayList<>(modes);
            for (int rep = -s.warmup(); rep < s.repetitions(); rep++) {
                Collections.shuffle(round, rng);
                for (Cell c : round) {
                    steps.add(new Step(c, rep, condition));
                }
            }
            condition++;
        }
        return List.copyOf(steps);
    }
}
