package dev.synwarm.scenario;

import java.util.List;

/**
 * A validated scenario: its cells already in run order (seeded shuffle of the product), and how often
 * each is measured.
 *
 * @param source the file it was read from, as given
 * @param warmup unmeasured repetitions at the start of each cell (rows kept, status excluded, reason warm-up)
 */
public record Scenario(
        String name,
        String source,
        List<Cell> cells,
        int repetitions,
        int warmup,
        long seed,
        EmulatorKind emulator) {

    public Scenario {
        cells = List.copyOf(cells);
    }

    /** Requests the run will make, warm-ups included. */
    public long totalRequests() {
        return (long) cells.size() * (repetitions + warmup);
    }
}
