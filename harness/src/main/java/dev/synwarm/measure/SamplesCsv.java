package dev.synwarm.measure;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.synwarm.sys.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code samples.csv}: one {@link TimelineRow} per line, header first; the only input {@code report} needs.
 * It is only ever written whole (temp file + rename); rows measured since the last write wait in a
 * {@link SamplesJournal} beside it (see {@link SampleStore}).
 */
public final class SamplesCsv {
    public static final String FILE = "samples.csv";
    private static final CsvMapper MAPPER = new CsvMapper();
    static final CsvSchema SCHEMA = MAPPER.schemaFor(TimelineRow.class).withHeader().withNullValue("");
    private static final ObjectWriter LINE = MAPPER.writer(SCHEMA.withoutHeader());

    private SamplesCsv() {}

    /** Replaces {@code file} with the header and {@code rows}: readers see the old file or the new one. */
    public static void write(Path file, List<TimelineRow> rows) throws IOException {
        AtomicFile.write(file, MAPPER.writer(SCHEMA).writeValueAsBytes(rows));
    }

    /** One row as its CSV line, newline included, without the header. */
    public static byte[] line(TimelineRow row) throws IOException {
        return LINE.writeValueAsBytes(row);
    }

    public static List<TimelineRow> read(Path file) throws IOException {
        try (MappingIterator<TimelineRow> it = MAPPER.readerFor(TimelineRow.class).with(SCHEMA).readValues(file.toFile())) {
            return it.readAll();
        }
    }

    /** Rows written by {@link #line}, without a header. */
    static List<TimelineRow> readLines(byte[] lines) throws IOException {
        try (MappingIterator<TimelineRow> it = MAPPER.readerFor(TimelineRow.class).with(SCHEMA.withoutHeader())
                .readValues(lines)) {
            return it.readAll();
        }
    }
}
