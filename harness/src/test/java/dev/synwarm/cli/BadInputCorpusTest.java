package dev.synwarm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.testing.ChildJvm;
import dev.synwarm.testing.Requires;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the real command line ({@link Main#execute}): every malformed scenario of the corpus,
 * bad option values, bad resume directories, a missing image, a kernel without BTF and a non-root user
 * each give one line naming the file, field or value, exit 2, and leave the results directory empty.
 */
class BadInputCorpusTest {
    private static final Path BAD_SCENARIOS = Path.of("src/test/resources/scenarios/bad");
    private static final Path TINY = Path.of("src/test/resources/rely/tiny.yaml").toAbsolutePath();

    @TempDir
    static Path work;

    /** What {@code synwarm args…} printed on stderr, without the stale reaper's notes, and its exit code. */
    record Outcome(int code, List<String> lines) {}

    static Outcome execute(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            code = Main.execute(args);
        } finally {
            System.setErr(saved);
        }
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("synwarm: removed stale")).toList();
        return new Outcome(code, lines);
    }

    /** Runs {@code args} with {@code --out} pointing at a fresh directory that must stay empty. */
    private static void rejects(List<String> args, String... mentions) throws IOException {
        Path out = Files.createTempDirectory(work, "out");
        List<String> all = new ArrayList<>(args);
        if (args.getFirst().equals("run")) {
            all.addAll(List.of("--out", out.toString()));
        }
        Outcome o = execute(all.toArray(String[]::new));
        assertThat(o.code()).as(all + " -> " + o.lines()).isEqualTo(Main.EXIT_USAGE);
        assertThat(o.lines()).as(all.toString()).hasSize(1);
        assertThat(o.lines().getFirst()).startsWith("synwarm: ").contains(mentions);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).as("written by " + all).isEmpty();
        }
    }

    private static DynamicTest rejecting(String name, List<String> args, String... mentions) {
        return DynamicTest.dynamicTest(name, () -> {
            Requires.root();
            rejects(args, mentions);
        });
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedScenarioIsOneLineThroughRun() throws IOException {
        try (Stream<Path> files = Files.list(BAD_SCENARIOS)) {
            List<Path> bad = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(bad).hasSizeGreaterThanOrEqualTo(25);
            return bad.stream().map(f -> rejecting(f.getFileName().toString(),
                    List.of("run", f.toAbsolutePath().toString()), f.getFileName().toString())).toList().stream();
        }
    }

    @TestFactory
    Stream<DynamicTest> badCommandLinesAreOneLine() throws IOException {
        Path complete = runDir("complete", "{\"runId\":\"abcd\",\"complete\":true,\"started\":\"2026-01-01T00:00:00Z\"}");
        Path broken = runDir("broken", "{\"runId\": ");
        Path noCopy = runDir("nocopy", "{\"runId\":\"abcd\",\"complete\":false,\"started\":\"2026-01-01T00:00:00Z\"}");
        Path notARun = Files.createDirectories(work.resolve("empty-dir"));
        String tiny = TINY.toString();
        return Stream.of(
                rejecting("run without scenario", List.of("run"), "SCENARIO", "--resume"),
                rejecting("run with scenario and resume", List.of("run", tiny, "--resume", notARun.toString()), "not both"),
                rejecting("missing scenario file", List.of("run", "/nonexistent/x.yaml"), "/nonexistent/x.yaml", "no such scenario file"),
                rejecting("scenario is a directory", List.of("run", notARun.toString()), notARun.toString()),
                rejecting("unknown hook", List.of("run", tiny, "--hook", "kprobe"), "--hook", "kprobe"),
                rejecting("timeout without unit", List.of("run", tiny, "--timeout", "5"), "--timeout", "'5'"),
                rejecting("timeout not a duration", List.of("run", tiny, "--timeout", "soon"), "--timeout", "soon"),
                rejecting("zero timeout", List.of("run", tiny, "--timeout", "0s"), "--timeout"),
                rejecting("warm-ups not a number", List.of("run", tiny, "--client-warmups", "lots"), "--client-warmups", "lots"),
                rejecting("negative warm-ups", List.of("run", tiny, "--client-warmups", "-3"), "--client-warmups", "-3"),
                rejecting("unknown option", List.of("run", tiny, "--frobnicate"), "--frobnicate"),
                rejecting("resume a directory without run.json", List.of("run", "--resume", notARun.toString()), notARun.toString(), "run.json"),
                rejecting("resume a complete run", List.of("run", "--resume", complete.toString()), "run.json", "complete"),
                rejecting("resume unreadable run.json", List.of("run", "--resume", broken.toString()), "run.json", "JSON"),
                rejecting("resume without the scenario copy", List.of("run", "--resume", noCopy.toString()), "scenario.yaml"),
                rejecting("serve unknown function", List.of("serve", "--function", "fn-rust"), "--function", "fn-rust"),
                rejecting("serve unknown mode", List.of("serve", "--mode", "lukewarm"), "--mode", "lukewarm"),
                rejecting("serve jitter above one-way", List.of("serve", "--one-way", "10ms", "--jitter", "20ms"), "--jitter"),
                rejecting("serve absurd loss", List.of("serve", "--loss", "80"), "--loss"),
                rejecting("serve bad duration", List.of("serve", "--one-way", "fast"), "--one-way", "fast"),
                rejecting("serve unknown network", List.of("serve", "--network", "overlay"), "--network", "overlay"),
                rejecting("serve no pre-warm starts", List.of("serve", "--max-prewarms", "0"), "--max-prewarms", "0"),
                rejecting("serve zero claim timeout", List.of("serve", "--claim-timeout", "0s"), "--claim-timeout"),
                rejecting("cleanup bad run id", List.of("cleanup", "--run", "TOOLONG"), "--run", "TOOLONG"),
                rejecting("unknown command", List.of("frobnicate"), "frobnicate"));
    }

    @Test
    void aMissingImageIsOneLineBeforeAnythingIsCreated() throws IOException {
        Requires.root();
        Requires.docker();
        // a checkout whose fn-static sources differ from what was built: its image tag does not exist
        Path repo = work.resolve("changed-checkout");
        copyTree(Requires.repo().resolve("functions"), repo.resolve("functions"));
        Files.writeString(repo.resolve("functions/fn-static/fn.c"), "\n/* changed */\n", java.nio.file.StandardOpenOption.APPEND);
        String saved = System.getProperty("synwarm.repo");
        System.setProperty("synwarm.repo", repo.toString());
        try {
            rejects(List.of("run", TINY.toString()), "fn-static", "not built", "setup");
        } finally {
            System.setProperty("synwarm.repo", saved);
        }
    }

    @Test
    void aKernelWithoutBtfIsOneLine() throws IOException {
        Requires.root();
        System.setProperty("synwarm.btf", "/nonexistent/vmlinux");
        try {
            rejects(List.of("run", TINY.toString()), "BTF", "/nonexistent/vmlinux");
            rejects(List.of("serve"), "BTF", "/nonexistent/vmlinux");
        } finally {
            System.clearProperty("synwarm.btf");
        }
    }

    /** As user nobody, for real: the class path is copied where nobody can read it. */
    @Test
    void aNonRootUserIsOneLine() throws Exception {
        Requires.root();
        Path cp = Files.createDirectories(work.resolve("classpath"));
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(e);
            if (Files.isRegularFile(p)) {
                Path copy = cp.resolve(i++ + "-" + p.getFileName());
                Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
                entries.add(copy.toString());
            } else if (Files.isDirectory(p)) {
                Path copy = cp.resolve(i++ + "-dir");
                copyTree(p, copy);
                entries.add(copy.toString());
            }
        }
        openUp(work);
        Path out = Files.createDirectories(work.resolve("nobody-out"));
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        cmd.addAll(ChildJvm.command(List.of(), String.join(java.io.File.pathSeparator, entries),
                List.of("run", TINY.toString(), "--out", out.toString())));
        ChildJvm.Exit exit = ChildJvm.exec(cmd, Map.of(), Duration.ofSeconds(60));
        List<String> lines = exit.stderr().lines().toList();
        assertThat(exit.code()).as(exit.stderr()).isEqualTo(Main.EXIT_USAGE);
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).startsWith("synwarm: ").contains("root", "euid 65534");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }

    private static Path runDir(String name, String manifest) throws IOException {
        Path d = Files.createDirectories(work.resolve("results/tiny/" + name));
        Files.writeString(d.resolve("run.json"), manifest);
        return d;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Lets user nobody read (and write the out dir under) {@code root}. */
    private static void openUp(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxrwxrwx" : "rw-r--r--"));
            }
        }
        for (Path p = root; p != null; p = p.getParent()) {
            if (!Arrays.asList(p.toString().split("/")).isEmpty() && Files.isDirectory(p)
                    && !PosixFilePermissions.toString(Files.getPosixFilePermissions(p)).endsWith("x")) {
                throw new IllegalStateException(p + " is not searchable by other users");
            }
        }
    }
}
