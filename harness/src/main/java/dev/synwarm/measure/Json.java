package dev.synwarm.measure;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.synwarm.sys.Durations;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The JSON mapper of result files: durations as {@code "150ms"} (the scenario's own spelling), instants
 * as ISO-8601, paths as strings, indented for people who read run.json.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("synwarm")
                    .addSerializer(Duration.class, new ToStringSerializer<>(Duration.class, Durations::format))
                    .addSerializer(Instant.class, new ToStringSerializer<>(Instant.class, Instant::toString))
                    .addSerializer(Path.class, new ToStringSerializer<>(Path.class, Path::toString)))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    private static final class ToStringSerializer<T> extends StdSerializer<T> {
        private final java.util.function.Function<T, String> text;

        ToStringSerializer(Class<T> type, java.util.function.Function<T, String> text) {
            super(type);
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(text.apply(value));
        }
    }
}
