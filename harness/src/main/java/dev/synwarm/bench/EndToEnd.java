package dev.synwarm.bench;

import java.io.PrintWriter;
import java.util.List;

/**
 * One source of end-to-end figures, measured by reusing the project's own APIs. A missing precondition
 * (no function image, …) is {@link Unavailable}: the figure is then reported as "not measured" with that
 * reason; any other failure stops the run.
 */
interface EndToEnd {
    String title();

    List<EndToEndFigure> measure(boolean quick, PrintWriter progress) throws Unavailable;

    final class Unavailable extends Exception {
        Unavailable(String reason) {
            super(reason);
        }
    }
}
