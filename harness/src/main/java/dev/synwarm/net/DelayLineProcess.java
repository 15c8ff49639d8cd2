package dev.synwarm.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.synwarm.sys.RunId;
import dev.synwarm.sys.SystemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The delay-line backend of {@link LatencyEmulator}: a {@link DelayLine} in a JVM of its own (small
 * serial-GC heap, nothing else running), so pauses of the harness never delay a frame. The child dies with
 * its stdin, i.e. with this process however it ends.
 */
final class DelayLineProcess implements LatencyEmulator {
    static final String BACKEND = "delayline";
    /** A fresh JVM needs ~0.3 s to start; 20 s leaves room for a machine loaded by parallel builds. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms64m", "-Xmx512m", "-XX:+AlwaysPreTouch", "-XX:-UsePerfData", "-Xss512k");

    private final DelayLineConfig cfg;
    private final Process process;
    private final BufferedReader stdout;
    private final Writer stdin;
    private final ObjectMapper json = new ObjectMapper();
    private boolean closed;

    private DelayLineProcess(DelayLineConfig cfg, Process process) {
        this.cfg = cfg;
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stdin = process.outputWriter(StandardCharsets.UTF_8);
    }

    /** Starts the line and returns once it forwards frames. */
    static DelayLineProcess start(RunId run, DelayLineConfig cfg) {
        List<String> cmd = JavaCommand.of(DelayLineMain.class, JVM_OPTIONS, List.of(
                "--run", run.value(), "--a", cfg.sideA(), "--b", cfg.sideB(),
                "--one-way-ns", Long.toString(cfg.link().oneWay().toNanos()),
                "--jitter-ns", Long.toString(cfg.link().jitter().toNanos()),
                "--loss", Double.toString(cfg.link().lossPercent()),
                "--compensation-ns", Long.toString(cfg.compensation().toNanos()),
                "--spin-ns", Long.toString(cfg.spin().toNanos()),
                "--queue", Integer.toString(cfg.queueLimit()), "--seed", Long.toString(cfg.seed())));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new SystemException("cannot start the delay line: " + e.getMessage(), e);
        }
        DelayLineProcess line = new DelayLineProcess(cfg, p);
        try {
            String first = line.readLine(START_TIMEOUT);
            if (!DelayLineMain.READY.equals(first)) {
                throw new SystemException("delay line " + cfg.sideA() + "<->" + cfg.sideB() + " did not start"
                        + (first == null ? " (exit " + p.waitFor() + ")" : ": " + first));
            }
            return line;
        } catch (RuntimeException | InterruptedException e) {
            line.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new SystemException("interrupted while starting the delay line", e);
            }
            throw (RuntimeException) e;
        }
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public LinkSpec link() {
        return cfg.link();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public Optional<DelayLineStats> lineStats() {
        return Optional.of(stats());
    }

    /** The sum of the first field of every thread's /proc schedstat: ns on a CPU. */
    @Override
    public OptionalLong cpuTimeNs() {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        long sum = 0;
        try (DirectoryStream<Path> ts = Files.newDirectoryStream(tasks)) {
            for (Path t : ts) {
                try {
                    sum += Long.parseLong(Files.readString(t.resolve("schedstat")).split(" ", 2)[0]);
                } catch (NoSuchFileException gone) {
                    // a thread that ended between the listing and the read: its time is in no thread now
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty(); // the process is gone
        }
        return OptionalLong.of(sum);
    }

    /** The line's counters now; kernel drop counts accumulate across calls. */
    DelayLineStats stats() {
        return command(DelayLineMain.STATS);
    }

    /** Zeroes the counters (after warm-up traffic, so they describe only what follows). */
    void resetStats() {
        command(DelayLineMain.RESET);
    }

    private synchronized DelayLineStats command(String command) {
        try {
            stdin.write(command + "\n");
            stdin.flush();
            String line = readLine(STOP_TIMEOUT);
            if (line == null) {
                throw new SystemException("delay line exited (code " + process.waitFor() + ")");
            }
            return json.readValue(line, DelayLineStats.class);
        } catch (IOException e) {
            throw new SystemException("delay line stats: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemException("interrupted", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stdin.close(); // end of stdin is the stop signal
        } catch (IOException ignored) {
            // the child is already gone
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** One stdout line within {@code timeout}; null at end of stream. */
    private String readLine(Duration timeout) throws InterruptedException {
        CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                return null;
            }
        }, Thread::startVirtualThread);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SystemException("delay line did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new SystemException("delay line: " + e.getCause(), e.getCause());
        }
    }
}
