package dev.synwarm.scenario;

import dev.synwarm.scenario.YamlTree.Entry;
import dev.synwarm.scenario.YamlTree.ListNode;
import dev.synwarm.scenario.YamlTree.Node;
import dev.synwarm.sys.Durations;
import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads and validates a scenario file. Every problem is one {@link UsageException} line naming file,
 * line, field and value; nothing is created before the whole file is valid.
 *
 * <pre>
 * name: quick                 # default: the file name
 * function: fn-static         # fn-static | fn-jvm | fn-python
 * init: 150ms                 # simulated init (INIT_MS); 0 = only the image's own start-up
 * exec: 0ms                   # per-request work (EXEC_MS)
 * link: regional              # a profile, or {oneWay: 20ms, jitter: 0ms, loss: 0}
 * protocols: [http, tls13]    # http | tls12 | tls13
 * modes: [cold, syn-port, syn-option, sni, warm]
 * repetitions: 10
 * warmup: 2                   # unmeasured repetitions at the start of each cell
 * seed: 1                     # orders the conditions and the modes' turns (seeded shuffles)
 * network: bridge             # container networking: bridge | host
 * emulator: auto              # auto | netem | delayline
 * sweep: {oneWay: [0ms, 60ms], init: [100ms, 300ms]}      # cartesian product ...
 * cells: [{oneWay: 20ms, init: 100ms}, {link: lan}]       # ... or explicit cells (not both)
 * </pre>
 */
public final class ScenarioReader {
    public static final Set<String> FUNCTIONS = Set.of("fn-static", "fn-jvm", "fn-jvm-aot", "fn-python");
    static final Duration MAX_ONE_WAY = Duration.ofSeconds(2);
    static final Duration MAX_JITTER = Duration.ofSeconds(1);
    static final Duration MAX_INIT = Duration.ofSeconds(60);
    static final double MAX_LOSS_PERCENT = 50;
    static final int MAX_CELLS = 5_000;
    static final long MAX_REQUESTS = 100_000;

    private static final List<String> TOP = List.of("name", "function", "init", "exec", "link", "protocols",
            "modes", "repetitions", "warmup", "seed", "network", "emulator", "sweep", "cells");
    /** Keys that vary per cell: sweep axes and explicit cell entries. */
    private static final List<String> AXES =
            List.of("function", "init", "exec", "link", "oneWay", "jitter", "loss", "network", "protocol", "mode");
    private static final List<String> LINK_KEYS = List.of("oneWay", "jitter", "loss");

    private ScenarioReader() {}

    /** Reads {@code file}; the scenario's default name is the file name without {@code .yaml}. */
    public static Scenario read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such scenario file");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(file.toString(), stem, text);
    }

    /** Parses scenario {@code text}; {@code file} names it in messages. */
    public static Scenario parse(String file, String defaultName, String text) {
        return new ScenarioReader.Run(new Fields(file), file).read(YamlTree.parse(file, text), defaultName);
    }

    /** Parameters of one cell before protocol and mode are crossed in; lines kept for late checks. */
    private record Point(String function, Duration init, Duration exec, Duration oneWay, Duration jitter,
            double loss, ContainerNetwork network, Protocol protocol, Mode mode, int jitterLine) {
        Point with(UnaryOperator<Point> f) {
            return f.apply(this);
        }
    }

    private static final class Run {
        private final Fields f;
        private final String file;

        Run(Fields f, String file) {
            this.f = f;
            this.file = file;
        }

        Scenario read(Node root, String defaultName) {
            Fields.Keys top = f.mapping(root, "", TOP);
            String name = top.get("name").map(e -> name(e)).orElse(defaultName);
            Point base = new Point("fn-static", Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0,
                    ContainerNetwork.BRIDGE, null, null, root.line());
            for (String key : List.of("function", "init", "exec", "link", "network")) {
                Optional<Entry> e = top.get(key);
                if (e.isPresent()) {
                    base = apply(key, e.get().value(), key).apply(base);
                }
            }
            List<Protocol> protocols = top.get("protocols")
                    .map(e -> distinct(e, "protocols", (n, fld) -> protocol(n, fld)))
                    .orElse(List.of(Protocol.HTTP));
            List<Mode> modes = top.get("modes")
                    .map(e -> distinct(e, "modes", (n, fld) -> mode(n, fld)))
                    .orElse(List.of(Mode.values()));
            int reps = top.get("repetitions").map(e -> (int) f.integer(e.value(), "repetitions", 1, 10_000)).orElse(10);
            int warmup = top.get("warmup").map(e -> (int) f.integer(e.value(), "warmup", 0, 1_000)).orElse(2);
            long seed = top.get("seed").map(e -> f.integer(e.value(), "seed", Long.MIN_VALUE, Long.MAX_VALUE)).orElse(1L);
            EmulatorKind emulator = top.get("emulator")
                    .map(e -> f.choice(e.value(), "emulator", "emulator", EmulatorKind::of, "auto, netem, delayline"))
                    .orElse(EmulatorKind.AUTO);

            Optional<Entry> sweep = top.get("sweep");
            Optional<Entry> explicit = top.get("cells");
            if (sweep.isPresent() && explicit.isPresent()) {
                throw f.error(explicit.get().line(), "cells", "give either sweep or cells, not both");
            }
            List<Point> points;
            int productLine;
            if (sweep.isPresent()) {
                points = sweep(sweep.get().value(), base);
                productLine = sweep.get().line();
            } else if (explicit.isPresent()) {
                points = explicit(explicit.get().value(), base);
                productLine = explicit.get().line();
            } else {
                points = List.of(base);
                productLine = root.line();
            }
            List<Cell> cells = cross(points, protocols, modes, productLine);
            long requests = (long) cells.size() * (reps + warmup);
            if (requests > MAX_REQUESTS) {
                throw f.error(top.get("repetitions").map(Entry::line).orElse(productLine), "repetitions",
                        requests + " requests (" + cells.size() + " cells x " + (reps + warmup)
                                + " repetitions) is more than the limit of " + MAX_REQUESTS);
            }
            return new Scenario(name, file, CellOrder.shuffle(cells, seed), reps, warmup, seed, emulator);
        }

        private String name(Entry e) {
            String n = f.text(e.value(), "name");
            if (!n.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw f.error(e.value().line(), "name", "'" + n + "' is not a name (letters, digits, . _ -; it names the results directory)");
            }
            return n;
        }

        private List<Point> sweep(Node node, Point base) {
            Fields.Keys keys = f.mapping(node, "sweep", AXES);
            if (keys.node().entries().isEmpty()) {
                throw f.error(node.line(), "sweep", "empty sweep (give at least one axis, e.g. oneWay: [0ms, 20ms])");
            }
            if (keys.get("link").isPresent() && keys.get("oneWay").isPresent()) {
                throw f.error(keys.get("oneWay").get().line(), "sweep.oneWay", "link and oneWay both set the one-way delay; sweep one of them");
            }
            List<Point> points = List.of(base);
            for (Entry axis : keys.node().entries().values()) {
                String field = keys.field(axis.key());
                ListNode values = f.list(axis.value(), field);
                List<UnaryOperator<Point>> setters = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < values.items().size(); i++) {
                    Node v = values.items().get(i);
                    String itemField = field + "[" + i + "]";
                    setters.add(apply(axis.key(), v, itemField));
                    if (v instanceof YamlTree.Scalar s && !seen.add(s.text())) {
                        throw f.error(v.line(), itemField, "duplicate value '" + s.text() + "'");
                    }
                }
                List<Point> next = new ArrayList<>();
                for (Point p : points) {
                    for (UnaryOperator<Point> set : setters) {
                        next.add(p.with(set));
                    }
                }
                if (next.size() > MAX_CELLS) {
                    throw f.error(axis.line(), field, "the sweep has more than " + MAX_CELLS + " cells");
                }
                points = next;
            }
            return points;
        }

        private List<Point> explicit(Node node, Point base) {
            ListNode list = f.list(node, "cells");
            if (list.items().size() > MAX_CELLS) {
                throw f.error(node.line(), "cells", list.items().size() + " cells is more than the limit of " + MAX_CELLS);
            }
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                String path = "cells[" + i + "]";
                Fields.Keys keys = f.mapping(list.items().get(i), path, AXES);
                Point p = base;
                for (Entry e : keys.node().entries().values()) {
                    p = apply(e.key(), e.value(), keys.field(e.key())).apply(p);
                }
                points.add(p);
            }
            return points;
        }

        /** Reads one axis value now (so errors come early) and returns how it changes a point. */
        private UnaryOperator<Point> apply(String key, Node v, String field) {
            return switch (key) {
                case "function" -> {
                    String fn = f.choice(v, field, "function", s -> Optional.of(s).filter(FUNCTIONS::contains),
                            String.join(", ", FUNCTIONS.stream().sorted().toList()));
                    yield p -> new Point(fn, p.init, p.exec, p.oneWay, p.jitter, p.loss, p.network, p.protocol, p.mode, p.jitterLine);
                }
                case "init" -> {
                    Duration d = f.duration(v, field, MAX_INIT);
                    yield p -> new Point(p.function, d, p.exec, p.oneWay, p.jitter, p.loss, p.network, p.protocol, p.mode, p.jitterLine);
                }
                case "exec" -> {
                    Duration d = f.duration(v, field, MAX_INIT);
                    yield p -> new Point(p.function, p.init, d, p.oneWay, p.jitter, p.loss, p.network, p.protocol, p.mode, p.jitterLine);
                }
                case "oneWay" -> {
                    Duration d = f.duration(v, field, MAX_ONE_WAY);
                    yield p -> new Point(p.function, p.init, p.exec, d, p.jitter, p.loss, p.network, p.protocol, p.mode, p.jitterLine);
                }
                case "jitter" -> {
                    Duration d = f.duration(v, field, MAX_JITTER);
                    yield p -> new Point(p.function, p.init, p.exec, p.oneWay, d, p.loss, p.network, p.protocol, p.mode, v.line());
                }
                case "loss" -> {
                    double l = f.decimal(v, field, 0, MAX_LOSS_PERCENT);
                    yield p -> new Point(p.function, p.init, p.exec, p.oneWay, p.jitter, l, p.network, p.protocol, p.mode, p.jitterLine);
                }
                case "link" -> {
                    Link link = link(v, field);
                    int line = v.line();
                    yield p -> new Point(p.function, p.init, p.exec, link.oneWay(), link.jitter(), link.lossPercent(),
                            p.network, p.protocol, p.mode, line);
                }
                case "network" -> {
                    ContainerNetwork n = f.choice(v, field, "network", ContainerNetwork::of, "bridge, host");
                    yield p -> new Point(p.function, p.init, p.exec, p.oneWay, p.jitter, p.loss, n, p.protocol, p.mode, p.jitterLine);
                }
                case "protocol" -> {
                    Protocol pr = protocol(v, field);
                    yield p -> new Point(p.function, p.init, p.exec, p.oneWay, p.jitter, p.loss, p.network, pr, p.mode, p.jitterLine);
                }
                case "mode" -> {
                    Mode m = mode(v, field);
                    yield p -> new Point(p.function, p.init, p.exec, p.oneWay, p.jitter, p.loss, p.network, p.protocol, m, p.jitterLine);
                }
                default -> throw new IllegalStateException(key);
            };
        }

        private Link link(Node v, String field) {
            if (v instanceof YamlTree.Scalar) {
                return f.choice(v, field, "link profile", s -> Optional.ofNullable(Link.PROFILES.get(s)),
                        String.join(", ", Link.PROFILES.keySet().stream().sorted().toList()));
            }
            Fields.Keys keys = f.mapping(v, field, LINK_KEYS);
            Duration oneWay = keys.get("oneWay").map(e -> f.duration(e.value(), keys.field("oneWay"), MAX_ONE_WAY))
                    .orElseThrow(() -> f.error(v.line(), keys.field("oneWay"), "missing (the one-way delay, e.g. 20ms)"));
            Duration jitter = keys.get("jitter").map(e -> f.duration(e.value(), keys.field("jitter"), MAX_JITTER))
                    .orElse(Duration.ZERO);
            double loss = keys.get("loss").map(e -> f.decimal(e.value(), keys.field("loss"), 0, MAX_LOSS_PERCENT))
                    .orElse(0.0);
            return new Link(oneWay, jitter, loss);
        }

        private Protocol protocol(Node n, String field) {
            return f.choice(n, field, "protocol", Protocol::of, Protocol.labels());
        }

        private Mode mode(Node n, String field) {
            return f.choice(n, field, "mode", Mode::of, Mode.labels());
        }

        private <T> List<T> distinct(Entry e, String field, java.util.function.BiFunction<Node, String, T> read) {
            ListNode list = f.list(e.value(), field);
            List<T> out = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                Node n = list.items().get(i);
                T t = read.apply(n, field + "[" + i + "]");
                if (out.contains(t)) {
                    throw f.error(n.line(), field + "[" + i + "]", "duplicate value '" + t + "'");
                }
                out.add(t);
            }
            return out;
        }

        /** Points × protocols × modes, unless a point fixed its own protocol or mode; ids in this order. */
        private List<Cell> cross(List<Point> points, List<Protocol> protocols, List<Mode> modes, int line) {
            List<Cell> cells = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Point p : points) {
                if (p.jitter.compareTo(p.oneWay) > 0) {
                    throw f.error(p.jitterLine, "jitter", Durations.format(p.jitter) + " exceeds the one-way delay "
                            + Durations.format(p.oneWay) + " (delays cannot go below zero)");
                }
                for (Protocol pr : p.protocol == null ? protocols : List.of(p.protocol)) {
                    for (Mode m : p.mode == null ? modes : List.of(p.mode)) {
                        if (cells.size() >= MAX_CELLS) {
                            throw f.error(line, "sweep", "more than " + MAX_CELLS + " cells (protocols x modes x sweep)");
                        }
                        Cell c = new Cell(String.format("c%03d", cells.size() + 1), p.function, p.init, p.exec,
                                new Link(p.oneWay, p.jitter, p.loss), pr, m, p.network);
                        if (!seen.add(c.groupKey() + "|" + m)) {
                            throw f.error(line, "cells", "cell '" + c.label() + "' appears twice");
                        }
                        cells.add(c);
                    }
                }
            }
            return cells;
        }
    }
}
