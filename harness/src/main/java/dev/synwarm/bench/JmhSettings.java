package dev.synwarm.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long JMH measures: forks, warm-up and measurement iterations, and which benchmarks (a JMH regular
 * expression over {@code class.method}). Rendered to JMH's own command line by {@link #arguments}.
 */
public record JmhSettings(String include, int forks, int warmupIterations, Duration warmupTime,
                          int iterations, Duration iterationTime) {

    public JmhSettings {
        if (forks < 1 || warmupIterations < 0 || iterations < 1) {
            throw new IllegalArgumentException("forks and iterations must be at least 1, warm-up at least 0");
        }
        if (warmupTime.isNegative() || iterationTime.isZero() || iterationTime.isNegative()) {
            throw new IllegalArgumentException("iteration times must be positive");
        }
    }

    /** Every benchmark of the suite. */
    public static final String ALL = "dev\\.synwarm\\..*";

    /** A few minutes for the whole suite on 2 cores: numbers are indicative, the pipeline is checked. */
    public static JmhSettings quick() {
        return new JmhSettings(ALL, 1, 2, Duration.ofMillis(500), 3, Duration.ofMillis(500));
    }

    /** Two forks of 5 × 1 s warm-up and 5 × 1 s measurement per benchmark. */
    public static JmhSettings full() {
        return new JmhSettings(ALL, 2, 5, Duration.ofSeconds(1), 5, Duration.ofSeconds(1));
    }

    public JmhSettings including(String regex) {
        return new JmhSettings(regex, forks, warmupIterations, warmupTime, iterations, iterationTime);
    }

    /** For people: "1 fork × (2 × 500 ms warm-up + 3 × 500 ms measured) per benchmark". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%d fork%s × (%d × %d ms warm-up + %d × %d ms measured) per benchmark",
                forks, forks == 1 ? "" : "s", warmupIterations, warmupTime.toMillis(), iterations, iterationTime.toMillis());
    }

    /**
     * JMH arguments after the main class; {@code resultJson} receives the machine-readable results, and the
     * forks learn the checkout (function images are named from its sources).
     */
    List<String> arguments(java.nio.file.Path resultJson, java.nio.file.Path repo) {
        List<String> a = new ArrayList<>(List.of(include,
                "-f", Integer.toString(forks),
                "-wi", Integer.toString(warmupIterations), "-w", millis(warmupTime),
                "-i", Integer.toString(iterations), "-r", millis(iterationTime),
                "-rf", "json", "-rff", resultJson.toString(),
                // the forks call libc and libbpf through FFM, like the harness
                "-jvmArgsAppend", "--enable-native-access=ALL-UNNAMED -Dsynwarm.repo=" + repo));
        return a;
    }

    private static String millis(Duration d) {
        return d.toMillis() + "ms";
    }
}
