package dev.synwarm.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesTheUnitsUsersWrite() {
        assertThat(Durations.parse("20ms")).isEqualTo(Duration.ofMillis(20));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void rejectsNegativeUnitlessAndAbsurdValues() {
        assertThatThrownBy(() -> Durations.parse("-5ms")).hasMessageContaining("'-5ms' is not a duration");
        assertThatThrownBy(() -> Durations.parse("20")).hasMessageContaining("needs a unit");
        assertThatThrownBy(() -> Durations.parse("2h")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("90m")).hasMessageContaining("longer than an hour");
    }

    @Test
    void formatsCompactly() {
        assertThat(Durations.format(Duration.ofMillis(20))).isEqualTo("20ms");
        assertThat(Durations.format(Duration.ofNanos(250_000))).isEqualTo("250us");
    }
}
