package dev.synwarm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.SystemException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The harness's handle on a running {@link ClientMain}: one JVM per run, started in the client netns
 * through {@code wrap} (the topology's netns + cgroup wrapper), fed jobs on stdin.
 */
public final class ClientProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final BufferedWriter in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder stderr = new StringBuilder();

    private ClientProcess(Process process) {
        this.process = process;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().start(() -> pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true));
        Thread.ofVirtual().start(() -> pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false));
    }

    /**
     * Starts the client and waits until it has warmed up.
     *
     * @param wrap turns the client's argv into one that runs inside the client netns/cgroup
     * @param warmupKeystore the edge keystore the client's loopback warm-up server uses; null: plain warm-up only
     */
    public static ClientProcess start(UnaryOperator<List<String>> wrap, Path certificatePem, Path warmupKeystore,
            char[] warmupPassword, int warmups, Resources res) {
        List<String> argv = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xms64m", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                ClientMain.class.getName(),
                "--cert", certificatePem.toString(), "--warmup", Integer.toString(warmups)));
        if (warmupKeystore != null) {
            argv.addAll(List.of("--warmup-keystore", warmupKeystore.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(wrap.apply(argv));
        if (warmupPassword != null) {
            pb.environment().put("SYNWARM_WARMUP_PASS", new String(warmupPassword));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new SystemException("cannot start the client process: " + e.getMessage(), e);
        }
        ClientProcess c = new ClientProcess(p);
        res.add("client process " + p.pid(), c::close);
        ClientResult ready = c.next(Duration.ofMinutes(2));
        if (!ClientResult.READY.equals(ready.id())) {
            c.close();
            throw new SystemException("client process did not report ready: " + ready);
        }
        return c;
    }

    /** Makes one request and waits for its result (the job's own timeout plus a margin). */
    public ClientResult request(ClientJob job) {
        try {
            in.write(JSON.writeValueAsString(job));
            in.newLine();
            in.flush();
        } catch (IOException e) {
            throw new SystemException("client process is gone: " + e.getMessage() + stderrTail(), e);
        }
        ClientResult r = next(Duration.ofMillis(job.timeoutMs()).plusSeconds(10));
        if (!job.id().equals(r.id())) {
            throw new SystemException("client answered " + r.id() + " to job " + job.id());
        }
        return r;
    }

    private ClientResult next(Duration timeout) {
        String line;
        try {
            line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemException("interrupted while waiting for the client");
        }
        if (line == null || line.isEmpty()) {
            throw new SystemException("client process " + (process.isAlive() ? "did not answer within " + timeout : "exited")
                    + stderrTail());
        }
        try {
            return JSON.readValue(line, ClientResult.class);
        } catch (JsonProcessingException e) {
            throw new SystemException("client process wrote something that is not a result: " + line, e);
        }
    }

    private void pump(BufferedReader r, boolean out) {
        try (r) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (out) {
                    lines.add(line);
                } else {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        if (out) {
            lines.add(""); // wakes a waiting request: the client is gone
        }
    }

    private String stderrTail() {
        synchronized (stderr) {
            String s = stderr.toString().strip();
            return s.isEmpty() ? "" : " (client stderr: " + s.lines().reduce((a, b) -> b).orElse("") + ")";
        }
    }

    /** Closes stdin (the client exits) and waits briefly; kills it if it does not. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
