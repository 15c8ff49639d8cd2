package dev.synwarm.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.synwarm.sys.AtomicFile;
import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code summary.csv} and {@code summary.json} beside a run's samples, each written atomically. */
public final class SummaryFiles {
    public static final String CSV = "summary.csv";
    public static final String JSON = "summary.json";
    private static final ObjectMapper JSON_MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final CsvMapper CSV_MAPPER = new CsvMapper();
    private static final CsvSchema CSV_SCHEMA = CSV_MAPPER.schemaFor(SummaryRow.class).withHeader().withNullValue("");

    private SummaryFiles() {}

    public static void write(Path dir, RunSummary summary) throws IOException {
        AtomicFile.write(dir.resolve(JSON), out -> JSON_MAPPER.writeValue(nonClosing(out), summary));
        AtomicFile.write(dir.resolve(CSV), out -> CSV_MAPPER.writer(CSV_SCHEMA).writeValue(nonClosing(out), summary.rows()));
    }

    /** Reads a summary.json; a missing or malformed file is the user's input error naming the file. */
    public static RunSummary readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + ": no such summary file");
        }
        try {
            RunSummary s = JSON_MAPPER.readValue(file.toFile(), RunSummary.class);
            if (s.schema() != RunSummary.SCHEMA) {
                throw new UsageException(file + ": summary schema " + s.schema() + ", expected " + RunSummary.SCHEMA);
            }
            return s;
        } catch (JsonProcessingException e) {
            throw new UsageException(file + ": not a valid summary: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
    }

    public static List<SummaryRow> readCsv(Path file) throws IOException {
        try (var it = CSV_MAPPER.readerFor(SummaryRow.class).with(CSV_SCHEMA).<SummaryRow>readValues(file.toFile())) {
            return it.readAll();
        }
    }

    private static java.io.OutputStream nonClosing(java.io.OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
