package dev.synwarm.scenario;

import dev.synwarm.scenario.YamlTree.Entry;
import dev.synwarm.scenario.YamlTree.ListNode;
import dev.synwarm.scenario.YamlTree.MapNode;
import dev.synwarm.scenario.YamlTree.Node;
import dev.synwarm.scenario.YamlTree.Scalar;
import dev.synwarm.sys.Durations;
import dev.synwarm.sys.UsageException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed reading of YAML nodes with {@code file:line: field: problem} errors. One instance per file;
 * {@link #mapping} tracks which keys of a mapping were read so that unknown keys are reported.
 */
final class Fields {
    private final String file;

    Fields(String file) {
        this.file = file;
    }

    UsageException error(int line, String field, String problem) {
        return new UsageException(file + ":" + line + ": " + field + ": " + problem);
    }

    /** The keys of one mapping; {@link Keys#done} rejects keys nobody asked for. */
    final class Keys {
        private final MapNode map;
        private final String path;
        private final Set<String> known;

        private Keys(MapNode map, String path, Set<String> known) {
            this.map = map;
            this.path = path;
            this.known = known;
        }

        Optional<Entry> get(String key) {
            if (!known.contains(key)) {
                throw new IllegalStateException("reader asks for undeclared key " + key);
            }
            return Optional.ofNullable(map.entries().get(key));
        }

        String field(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        void done() {
            for (Entry e : map.entries().values()) {
                if (!known.contains(e.key())) {
                    throw error(e.line(), field(e.key()), "unknown key (known: " + String.join(", ", known) + ")");
                }
            }
        }

        MapNode node() {
            return map;
        }
    }

    Keys mapping(Node node, String path, List<String> known) {
        if (!(node instanceof MapNode m)) {
            throw error(node.line(), path.isEmpty() ? "scenario" : path, "expected a mapping of keys, got " + describe(node));
        }
        Keys keys = new Keys(m, path, new LinkedHashSet<>(known));
        keys.done();
        return keys;
    }

    ListNode list(Node node, String field) {
        if (!(node instanceof ListNode l)) {
            throw error(node.line(), field, "expected a list, got " + describe(node));
        }
        if (l.items().isEmpty()) {
            throw error(node.line(), field, "empty list");
        }
        return l;
    }

    Scalar scalar(Node node, String field) {
        if (!(node instanceof Scalar s) || s.kind() == Scalar.Kind.NULL) {
            throw error(node.line(), field, "expected a value, got " + describe(node));
        }
        return s;
    }

    String text(Node node, String field) {
        return scalar(node, field).text();
    }

    Duration duration(Node node, String field, Duration max) {
        Scalar s = scalar(node, field);
        if (s.kind() == Scalar.Kind.BOOLEAN) {
            throw error(s.line(), field, "expected a duration like 20ms, got '" + s.text() + "'");
        }
        if (s.text().strip().startsWith("-")) {
            throw error(s.line(), field, "'" + s.text() + "' is negative");
        }
        Duration d;
        try {
            d = Durations.parse(s.text());
        } catch (IllegalArgumentException e) {
            throw error(s.line(), field, e.getMessage());
        }
        if (d.compareTo(max) > 0) {
            throw error(s.line(), field, Durations.format(d) + " is more than the maximum " + Durations.format(max));
        }
        return d;
    }

    long integer(Node node, String field, long min, long max) {
        Scalar s = scalar(node, field);
        if (s.kind() != Scalar.Kind.INTEGER) {
            throw error(s.line(), field, "expected a whole number, got '" + s.text() + "'");
        }
        long v;
        try {
            v = Long.parseLong(s.text());
        } catch (NumberFormatException e) {
            throw error(s.line(), field, "'" + s.text() + "' is not a 64-bit whole number");
        }
        if (v < min || v > max) {
            throw error(s.line(), field, v + " is out of range " + min + ".." + max);
        }
        return v;
    }

    double decimal(Node node, String field, double min, double max) {
        Scalar s = scalar(node, field);
        if (s.kind() != Scalar.Kind.INTEGER && s.kind() != Scalar.Kind.DECIMAL) {
            throw error(s.line(), field, "expected a number, got '" + s.text() + "'");
        }
        double v = Double.parseDouble(s.text());
        if (!(v >= min && v <= max)) {
            throw error(s.line(), field, s.text() + " is out of range " + fmt(min) + ".." + fmt(max));
        }
        return v;
    }

    /** A word from a closed set, looked up by {@code lookup}; the error lists what is known. */
    <T> T choice(Node node, String field, String what, Function<String, Optional<T>> lookup, String known) {
        Scalar s = scalar(node, field);
        return lookup.apply(s.text()).orElseThrow(
                () -> error(s.line(), field, "unknown " + what + " '" + s.text() + "' (known: " + known + ")"));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String describe(Node node) {
        return switch (node) {
            case MapNode m -> "a mapping";
            case ListNode l -> "a list";
            case Scalar s when s.kind() == Scalar.Kind.NULL -> "nothing";
            case Scalar s -> "'" + s.text() + "'";
        };
    }
}
