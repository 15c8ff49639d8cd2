package dev.synwarm.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One source of end-to-end figures, measured by reusing the project's own APIs (its title, for the
 * "not measured" list, is given where {@link Bench} lists the sources). A missing precondition
 * (no function image, …) is {@link Unavailable}: the figure is then reported as "not measured" with that
 * reason; any other failure stops the run.
 */
interface EndToEnd {
    Measured measure(Context ctx) throws Unavailable;

    /** @param dir this bench run's result directory (sources may keep their raw data under it) */
    record Context(boolean quick, Path repo, Path dir, PrintWriter progress) {
        /** One progress line ({@link Locale#ROOT} formatting), shown at once. */
        void step(String format, Object... args) {
            progress.printf(Locale.ROOT, format + "%n", args);
            progress.flush();
        }
    }

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
