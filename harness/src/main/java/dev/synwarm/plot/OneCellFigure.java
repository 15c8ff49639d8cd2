package dev.synwarm.plot;

import dev.synwarm.stats.CellKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A figure of one representative cell (the one {@link CellChoice} picks), e.g. the CDF or the waterfall. */
interface OneCellFigure extends Figure {
    /** Draws the figure for {@code key}, the cell chosen from the run's summary. */
    List<FigureOutcome> render(RunData data, CellKey key, Path dir) throws IOException;

    @Override
    default List<FigureOutcome> render(RunData data, Path dir) throws IOException {
        Optional<CellKey> cell = CellChoice.choose(data.summary().rows());
        if (cell.isEmpty()) {
            return List.of(FigureOutcome.skipped(name(), "no counted samples"));
        }
        return render(data, cell.get(), dir);
    }
}
