package dev.synwarm.report;

import dev.synwarm.measure.SamplesCsv;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A run directory as the analysis sees it: {@code samples.csv} is all it needs. Everything wrong with it
 * is the user's input error, reported in one line that names the file and what is wrong.
 */
public record RunDirectory(Path dir, List<TimelineRow> samples) {
    public static final String FIGURES = "figures";

    public static RunDirectory open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException(dir + ": no such run directory");
        }
        Path csv = dir.resolve(SamplesCsv.FILE);
        if (!Files.isRegularFile(csv)) {
            throw new UsageException(dir + ": not a run directory (no " + SamplesCsv.FILE + ")");
        }
        List<TimelineRow> rows;
        try {
            rows = SamplesCsv.read(csv);
        } catch (IOException | RuntimeException e) {
            throw new UsageException(csv + ": not a valid samples file: " + firstLine(e.getMessage()));
        }
        if (rows.isEmpty()) {
            throw new UsageException(csv + ": no samples");
        }
        for (int i = 0; i < rows.size(); i++) {
            TimelineRow r = rows.get(i);
            int line = i + 2; // header is line 1
            try {
                Protocol.parse(r.protocol());
                Mode.parse(r.mode());
            } catch (UsageException e) {
                throw new UsageException(csv + ":" + line + ": " + e.getMessage());
            }
            if (r.status() == null) {
                throw new UsageException(csv + ":" + line + ": status is empty (expected ok, excluded or failed)");
            }
            if (r.function() == null || r.function().isBlank()) {
                throw new UsageException(csv + ":" + line + ": function is empty");
            }
        }
        return new RunDirectory(dir, rows);
    }

    public Path figures() {
        return dir.resolve(FIGURES);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
