package dev.synwarm.runtime;

import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Readiness by tight HTTP polling: a function is ready when it answers a real HTTP 200 (docker-proxy
 * accepts TCP long before the function listens, so a connect proves nothing). Polls every
 * {@value #POLL_US} µs, so readiness is seen well within a millisecond of the function's first answer.
 */
public final class HttpProbe {
    /** One answer: status, when its first bytes arrived (nanoTime), and what the function reported. */
    public record Reply(int status, long receivedNs, Optional<Duration> reportedInit, OptionalLong listeningNs) {}

    static final int POLL_US = 200;
    /**
     * A first attempt may hang in docker-proxy (it accepts, then dials a container whose network is not up
     * yet), so attempts give up early and retry; the limit doubles per unanswered attempt so that a
     * function that is merely slow to answer is still heard.
     */
    private static final int FIRST_ATTEMPT_TIMEOUT_MS = 100;
    private static final int MAX_ATTEMPT_TIMEOUT_MS = 2000;
    private static final long LIVENESS_EVERY_NS = Duration.ofMillis(500).toNanos();

    private HttpProbe() {}

    /** One GET; empty when the connection is refused, reset or closed without an answer. */
    public static Optional<Reply> once(InetSocketAddress endpoint, String path) {
        return once(endpoint, path, MAX_ATTEMPT_TIMEOUT_MS);
    }

    private static Optional<Reply> once(InetSocketAddress endpoint, String path, int timeoutMs) {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(endpoint, timeoutMs);
            s.setSoTimeout(timeoutMs);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: fn\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            int first = in.read();
            long receivedNs = System.nanoTime();
            if (first < 0) {
                return Optional.empty();
            }
            byte[] rest = in.readNBytes(16 * 1024);
            String head = (char) first + new String(rest, StandardCharsets.ISO_8859_1);
            return parse(head, receivedNs);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Polls {@code path} until it answers 200; fails when {@code deadlineNs} passes or {@code alive}
     * (asked at most twice a second) says the instance is gone.
     */
    public static Reply awaitOk(InetSocketAddress endpoint, String path, long deadlineNs, BooleanSupplier alive) {
        long nextLiveness = System.nanoTime() + LIVENESS_EVERY_NS;
        int timeoutMs = FIRST_ATTEMPT_TIMEOUT_MS;
        while (true) {
            long attemptStart = System.nanoTime();
            Optional<Reply> r = once(endpoint, path, timeoutMs);
            if (r.isPresent() && r.get().status() == 200) {
                return r.get();
            }
            long now = System.nanoTime();
            if (now - attemptStart >= timeoutMs * 1_000_000L) {
                timeoutMs = Math.min(2 * timeoutMs, MAX_ATTEMPT_TIMEOUT_MS);
            }
            if (now - deadlineNs > 0) {
                throw new SystemException("no HTTP 200 from " + endpoint + path + " before the deadline"
                        + r.map(x -> " (last status " + x.status() + ")").orElse(""));
            }
            if (now - nextLiveness > 0) {
                if (!alive.getAsBoolean()) {
                    throw new SystemException("the instance behind " + endpoint + " exited before answering " + path);
                }
                nextLiveness = now + LIVENESS_EVERY_NS;
            }
            LockSupport.parkNanos(POLL_US * 1000L);
        }
    }

    static Optional<Reply> parse(String head, long receivedNs) {
        String[] lines = head.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (!lines[0].startsWith("HTTP/1.") || status.length < 2) {
            return Optional.empty();
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<Duration> init = Optional.empty();
        OptionalLong listening = OptionalLong.empty();
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            try {
                switch (name) {
                    case "x-fn-init-ns" -> init = Optional.of(Duration.ofNanos(Long.parseLong(value)));
                    case "x-fn-listen-mono-ns" -> listening = OptionalLong.of(Long.parseLong(value));
                    default -> {}
                }
            } catch (NumberFormatException ignored) {
                // a function that reports garbage reports nothing
            }
        }
        return Optional.of(new Reply(code, receivedNs, init, listening));
    }
}
