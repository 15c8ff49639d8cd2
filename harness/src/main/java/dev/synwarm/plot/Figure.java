package dev.synwarm.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One figure of the study, drawn only from what the run holds. */
public interface Figure {
    /** The base name of the figure's files, e.g. {@code fig1-e2e-vs-oneway}. */
    String name();

    /** Writes the figure's files into {@code dir}, or returns why this run cannot have it. */
    List<FigureOutcome> render(RunData data, Path dir) throws IOException;
}
