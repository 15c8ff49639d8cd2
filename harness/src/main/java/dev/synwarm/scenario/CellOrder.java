package dev.synwarm.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The run order of cells: a seeded shuffle, so that slow drift of the machine (thermal, other load,
 * Docker's state) does not line up with any one parameter, and the same seed gives the same order.
 */
public final class CellOrder {
    private CellOrder() {}

    public static List<Cell> shuffle(List<Cell> cells, long seed) {
        List<Cell> order = new ArrayList<>(cells);
        Collections.shuffle(order, new Random(seed));
        return List.copyOf(order);
    }
}
