package dev.synwarm.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.synwarm.sys.AtomicFile;
import dev.synwarm.sys.SystemException;
import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code summary.json} of one {@code synwarm bench} run: where and how it ran, the JMH scores, the
 * end-to-end figures, and what was not measured (with the reason) — the only input of the README table.
 */
public record BenchSummary(String createdUtc, String gitCommit, boolean quick, String jmhSettings, Machine machine,
                           List<JmhResult> jmh, List<EndToEndFigure> endToEnd, List<WallTime> wallTimes,
                           List<NotMeasured> notMeasured) {
    public static final String FILE = "summary.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public BenchSummary {
        jmh = List.copyOf(jmh);
        endToEnd = List.copyOf(endToEnd);
        wallTimes = List.copyOf(wallTimes);
        notMeasured = List.copyOf(notMeasured);
    }

    /** A figure that could not be measured in this run, and why (never a made-up value). */
    public record NotMeasured(String figure, String reason) {}

    public void write(Path dir) throws IOException {
        AtomicFile.write(dir.resolve(FILE), out -> JSON.writeValue(out, this));
    }

    /** Reads {@code dir/summary.json}; a missing or malformed file is the user's input error. */
    public static BenchSummary read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new UsageException(f + ": no such file (give a directory written by `synwarm bench`)");
        }
        try {
            return JSON.readValue(f.toFile(), BenchSummary.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new UsageException(f + ": not a bench summary: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SystemException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
