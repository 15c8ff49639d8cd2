package dev.synwarm.cli;

import dev.synwarm.sys.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Lets picocli options be typed {@link Duration} and written as {@code 20ms}, {@code 1.5s}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
