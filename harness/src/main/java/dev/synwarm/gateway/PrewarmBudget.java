package dev.synwarm.gateway;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway-wide side of {@link PrewarmLimits}: the permits for pre-warm starts in flight, the timer
 * that expires unclaimed instances, and the counters. Shared by every {@link FunctionPool}.
 */
final class PrewarmBudget implements AutoCloseable {
    private final PrewarmLimits limits;
    private final Semaphore starts;
    private final ScheduledExecutorService timer;
    final LongAdder triggers = new LongAdder();
    final LongAdder started = new LongAdder();
    final LongAdder duplicate = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder claimed = new LongAdder();
    final LongAdder wasted = new LongAdder();

    PrewarmBudget(PrewarmLimits limits) {
        this.limits = limits;
        this.starts = new Semaphore(limits.maxStartsInFlight());
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sw-prewarm-expiry").factory());
    }

    boolean tryStart() {
        return starts.tryAcquire();
    }

    void startDone() {
        starts.release();
    }

    /** Runs {@code expire} once the claim timeout has passed. */
    void afterClaimTimeout(Runnable expire) {
        Duration t = limits.claimTimeout();
        timer.schedule(expire, t.toNanos(), TimeUnit.NANOSECONDS);
    }

    PrewarmStats stats() {
        return new PrewarmStats(triggers.sum(), started.sum(), duplicate.sum(), refused.sum(), claimed.sum(), wasted.sum());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
