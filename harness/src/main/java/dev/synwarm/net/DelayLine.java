package dev.synwarm.net;

import dev.synwarm.sys.SystemException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The userspace netem stand-in: two AF_PACKET sockets joined by two {@link DelayDirection}s. It runs in
 * whatever process calls {@link #start}; {@link DelayLineProcess} gives it a JVM of its own so the
 * harness's garbage collection and JIT never stall a frame.
 */
final class DelayLine implements AutoCloseable {
    private static final Duration RECEIVE_TIMEOUT = Duration.ofMillis(200);

    private final PacketSocket a;
    private final PacketSocket b;
    private final DelayDirection aToB;
    private final DelayDirection bToA;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private boolean stopped;

    private DelayLine(DelayLineConfig cfg, PacketSocket a, PacketSocket b) {
        this.a = a;
        this.b = b;
        this.aToB = new DelayDirection(cfg.sideA() + "->" + cfg.sideB(), a, b, cfg, cfg.seed(), failure);
        this.bToA = new DelayDirection(cfg.sideB() + "->" + cfg.sideA(), b, a, cfg, cfg.seed() + 1, failure);
    }

    /** Opens both sockets and starts forwarding; frames flow as soon as this returns. */
    static DelayLine start(DelayLineConfig cfg) {
        PacketSocket a = PacketSocket.open(cfg.sideA(), RECEIVE_TIMEOUT);
        PacketSocket b;
        try {
            b = PacketSocket.open(cfg.sideB(), RECEIVE_TIMEOUT);
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
        DelayLine line = new DelayLine(cfg, a, b);
        line.aToB.start();
        line.bToA.start();
        return line;
    }

    DelayLineStats stats() {
        return new DelayLineStats(aToB.stats(), bToA.stats());
    }

    void resetStats() {
        aToB.resetStats();
        bToA.resetStats();
    }

    /** Blocks until a direction fails (an interface vanished, a syscall failed) and returns why. */
    Throwable awaitFailure() throws InterruptedException {
        synchronized (failure) {
            while (failure.get() == null) {
                failure.wait();
            }
            return failure.get();
        }
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            aToB.stop();
            bToA.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemException("interrupted while stopping the delay line", e);
        } finally {
            a.close();
            b.close();
        }
    }
}
