package dev.synwarm.plot;

import java.nio.file.Path;
import java.util.List;

/**
 * What became of one figure: the files written, or why the run cannot have it (e.g. one init time
 * only → no heat map). {@code note} says what the figure shows (its chosen cell), for captions.
 */
public record FigureOutcome(String name, List<Path> files, String note, String skippedBecause) {
    public static FigureOutcome drawn(String name, List<Path> files, String note) {
        return new FigureOutcome(name, List.copyOf(files), note, null);
    }

    public static FigureOutcome skipped(String name, String because) {
        return new FigureOutcome(name, List.of(), "", because);
    }

    public boolean isDrawn() {
        return skippedBecause == null;
    }
}
