package dev.synwarm.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * One source of end-to-end figures, measured by reusing the project's own APIs. A missing precondition
 * (no function image, …) is {@link Unavailable}: the figure is then reported as "not measured" with that
 * reason; any other failure stops the run.
 */
interface EndToEnd {
    String title();

    Measured measure(Context ctx) throws Unavailable;

    /** @param dir this bench run's result directory (sources may keep their raw data under it) */
    record Context(boolean quick, Path repo, Path dir, PrintWriter progress) {}

    record Measured(List<EndToEndFigure> figures, List<WallTime> wallTimes) {
        static Measured of(List<EndToEndFigure> figures) {
            return new Measured(figures, List.of());
        }
    }

    final class Unavailable extends Exception {
        Unavailable(String reason) {
            super(reason);
        }
    }
}
