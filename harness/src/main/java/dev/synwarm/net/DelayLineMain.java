package dev.synwarm.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.synwarm.sys.RunId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Entry point of the delay-line process that {@link DelayLineProcess} starts. Protocol on stdin/stdout:
 * it prints {@code ready} once both sockets forward; each {@code stats} line on stdin is answered with one
 * JSON {@link DelayLineStats} line ({@code reset} first zeroes the counters); end of stdin (the parent closed it, or died, even by SIGKILL) stops the
 * line and the process. A failing direction (an interface removed) also ends it. The run id is in the
 * command line so {@link NetReapers} can find a line whose owner is gone.
 */
public final class DelayLineMain {
    static final String READY = "ready";
    static final String STATS = "stats";
    static final String RESET = "reset";

    private DelayLineMain() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = options(argv);
        new RunId(a.get("--run")); // validates; the id is there for the reaper
        LinkSpec link = new LinkSpec(Duration.ofNanos(Long.parseLong(a.get("--one-way-ns"))),
                Duration.ofNanos(Long.parseLong(a.get("--jitter-ns"))), Double.parseDouble(a.get("--loss")));
        DelayLineConfig cfg = new DelayLineConfig(a.get("--a"), a.get("--b"), link,
                Duration.ofNanos(Long.parseLong(a.get("--compensation-ns"))),
                Duration.ofNanos(Long.parseLong(a.get("--spin-ns"))), Integer.parseInt(a.get("--queue")),
                Long.parseLong(a.get("--seed")));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        CompletableFuture<String> end = new CompletableFuture<>();
        try (DelayLine line = DelayLine.start(cfg)) {
            Thread.ofPlatform().daemon().name("delayline failure").start(() -> {
                try {
                    end.complete("failed: " + line.awaitFailure());
                } catch (InterruptedException e) {
                    end.complete("interrupted");
                }
            });
            Thread.ofPlatform().daemon().name("delayline control").start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                    String cmd;
                    while ((cmd = in.readLine()) != null) {
                        if (cmd.strip().equals(STATS)) {
                            out.println(json.writeValueAsString(line.stats()));
                        } else if (cmd.strip().equals(RESET)) {
                            line.resetStats();
                            out.println(json.writeValueAsString(line.stats()));
                        }
                    }
                    end.complete("stdin closed");
                } catch (IOException e) {
                    end.complete("stdin failed: " + e);
                }
            });
            out.println(READY);
            String why = end.get();
            if (why.startsWith("failed")) {
                System.err.println("synwarm delayline " + cfg.sideA() + "<->" + cfg.sideB() + " " + why);
            }
        }
    }

    private static Map<String, String> options(String[] argv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            m.put(argv[i], argv[i + 1]);
        }
        for (String k : new String[] {"--run", "--a", "--b", "--one-way-ns", "--jitter-ns", "--loss",
                "--compensation-ns", "--spin-ns", "--queue", "--seed"}) {
            if (!m.containsKey(k)) {
                throw new IllegalArgumentException("delayline: missing " + k);
            }
        }
        return m;
    }
}
