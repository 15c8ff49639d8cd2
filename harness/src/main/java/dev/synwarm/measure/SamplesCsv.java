package dev.synwarm.measure;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code samples.csv}: one {@link TimelineRow} per line, header first; the only input {@code report} needs. */
public final class SamplesCsv {
    public static final String FILE = "samples.csv";
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema SCHEMA = MAPPER.schemaFor(TimelineRow.class).withHeader().withNullValue("");

    private SamplesCsv() {}

    /** Appends rows to an open writer: keep one per run, flush after each repetition. */
    public static final class Appender implements AutoCloseable {
        private final SequenceWriter out;

        private Appender(Writer w, boolean header) throws IOException {
            this.out = MAPPER.writer(header ? SCHEMA : SCHEMA.withoutHeader()).writeValues(w);
        }

        public void append(TimelineRow row) throws IOException {
            out.write(row);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Opens {@code file} for appending; writes the header when the file is new or empty. */
    public static Appender append(Path file) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        Writer w = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return new Appender(w, fresh);
    }

    public static List<TimelineRow> read(Path file) throws IOException {
        try (MappingIterator<TimelineRow> it = MAPPER.readerFor(TimelineRow.class).with(SCHEMA).readValues(file.toFile())) {
            return it.readAll();
        }
    }
}
