package dev.synwarm.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The study's figures, in paper order. */
public final class Figures {
    private Figures() {}

    public static List<Figure> all() {
        return List.of(new E2eVsOneWayFigure(), new NormalisedSavingFigure(), new SpeedUpFigure(), new WaterfallFigure(),
                new CdfFigure(), new HeatMapFigure());
    }

    /** Renders every figure the run has the data for into {@code dir}; the outcomes say which were skipped and why. */
    public static List<FigureOutcome> renderAll(RunData data, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<FigureOutcome> out = new ArrayList<>();
        for (Figure f : all()) {
            out.addAll(f.render(data, dir));
        }
        return out;
    }
}
