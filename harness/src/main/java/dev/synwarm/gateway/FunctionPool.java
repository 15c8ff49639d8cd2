package dev.synwarm.gateway;

import dev.synwarm.measure.MonotonicClock;
import dev.synwarm.sys.SystemException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The instance of one function: none, starting, or ready. At most one start is in flight; a pre-warm
 * trigger begins it, a request joins it (or begins it, cold). Starts run on virtual threads so that a
 * trigger handler never blocks on Docker. Pre-warms are bounded by the gateway's {@link PrewarmBudget}:
 * a start needs a permit, and an instance no request claims in time is stopped as wasted.
 */
final class FunctionPool {
    /**
     * One instance's life: the start's result, what began it, whether a request used it, and whether it
     * is being stopped as an unclaimed pre-warm ({@code stopped} completes then). An expiring instance
     * stays the pool's until its container is gone, so a function never has two.
     */
    private record Instance(CompletableFuture<Upstream> ready, Trigger startedBy, AtomicBoolean claimed,
            AtomicBoolean expiring, CompletableFuture<Void> stopped) {
        Instance(CompletableFuture<Upstream> ready, Trigger startedBy, AtomicBoolean claimed) {
            this(ready, startedBy, claimed, new AtomicBoolean(), new CompletableFuture<>());
        }
    }

    private final InstanceLauncher launcher;
    private final PrewarmBudget budget;
    private LaunchSpec spec;
    private Instance current;
    private volatile long lastUsedNs = MonotonicClock.nowNs();

    FunctionPool(InstanceLauncher launcher, LaunchSpec spec, PrewarmBudget budget) {
        this.launcher = launcher;
        this.spec = spec;
        this.budget = budget;
    }

    synchronized LaunchSpec spec() {
        return spec;
    }

    /**
     * A pre-warm trigger: starts an instance unless one exists or is starting, or the budget has no
     * start to spare; true when this call began a start.
     */
    synchronized boolean prewarm(Trigger trigger) {
        budget.triggers.increment();
        if (current != null) {
            budget.duplicate.increment();
            return false;
        }
        if (!budget.tryStart()) {
            budget.refused.increment();
            return false;
        }
        budget.started.increment();
        Instance inst = begin(trigger, new AtomicBoolean());
        current = inst;
        inst.ready.whenComplete((up, failed) -> {
            budget.startDone();
            if (failed == null) {
                budget.afterClaimTimeout(() -> expireIfUnclaimed(inst));
            }
        });
        return true;
    }

    /** Stops {@code inst} as wasted when it is still the pool's instance and no request has used it. */
    private void expireIfUnclaimed(Instance inst) {
        synchronized (this) {
            if (current != inst || inst.claimed.get() || inst.expiring.get()) {
                return;
            }
            inst.expiring.set(true);
        }
        budget.wasted.increment();
        Thread.ofVirtual().name("expire-" + spec().function()).start(() -> {
            try {
                launcher.stop(inst.ready.join());
            } finally {
                synchronized (this) {
                    if (current == inst) {
                        current = null;
                    }
                }
                inst.stopped.complete(null);
            }
        });
    }

    /** The instance being stopped as unclaimed, if that is the current one: wait for it, then look again. */
    private CompletableFuture<Void> expiringNow() {
        return current != null && current.expiring.get() ? current.stopped : null;
    }

    /**
     * Forgets {@code dead} (its container died or refused the connection) so that the next request starts
     * a fresh instance instead of failing against the same one; stops what is left of it.
     */
    void forget(Upstream dead) {
        synchronized (this) {
            if (current == null || !current.ready.isDone() || current.ready.isCompletedExceptionally()
                    || current.ready.getNow(null) != dead) {
                return;
            }
            current = null;
        }
        launcher.stop(dead);
    }

    /** Waits until no instance of this function is being stopped: never two containers per function. */
    private void awaitNoneExpiring() {
        while (true) {
            CompletableFuture<Void> expiring;
            synchronized (this) {
                expiring = expiringNow();
            }
            if (expiring == null) {
                return;
            }
            expiring.join();
        }
    }

    /** Waits for a ready instance, starting one (cold, by {@code request}) when there is none. */
    Lease acquire(Trigger request) {
        Instance inst;
        InstanceFound found;
        awaitNoneExpiring();
        synchronized (this) {
            if (current == null || current.expiring.get()) {
                current = begin(request, new AtomicBoolean(true));
                found = InstanceFound.NONE;
            } else {
                found = current.ready.isDone() ? InstanceFound.READY : InstanceFound.STARTING;
            }
            inst = current;
        }
        if (!inst.claimed.getAndSet(true) && isPrewarm(inst.startedBy.kind())) {
            budget.claimed.increment();
        }
        Upstream up = await(inst);
        lastUsedNs = MonotonicClock.nowNs();
        return new Lease(up, found, inst.startedBy);
    }

    /**
     * Makes sure an instance is ready (started by WARM when none was), and returns it; the operator asked
     * for it, so it needs no start permit and never expires.
     */
    Upstream warm() {
        long now = MonotonicClock.nowNs();
        Instance inst;
        awaitNoneExpiring();
        synchronized (this) {
            if (current == null || current.expiring.get()) {
                current = begin(new Trigger(TriggerKind.WARM, now, now, null), new AtomicBoolean(true));
            } else {
                current.claimed.set(true);
            }
            inst = current;
        }
        return await(inst);
    }

    private static boolean isPrewarm(TriggerKind k) {
        return k == TriggerKind.SYN_PORT || k == TriggerKind.SYN_OPTION || k == TriggerKind.SNI;
    }

    /** The ready instance, without waiting; null when none is ready. */
    synchronized Upstream readyNow() {
        return current != null && !current.expiring.get() && current.ready.isDone() && !current.ready.isCompletedExceptionally()
                ? current.ready.getNow(null) : null;
    }

    /** True when an instance is ready or starting. */
    synchronized boolean active() {
        return current != null;
    }

    /** Stops the instance (waiting for a start in flight to finish first); the next request is cold. */
    void scaleToZero() {
        Instance old;
        synchronized (this) {
            old = current;
            current = null;
        }
        if (old != null) {
            try {
                launcher.stop(old.ready.join());
            } catch (CompletionException failedStart) {
                // nothing is running when the start failed
            }
        }
    }

    /** Scales to zero when the instance served nothing for {@code idle}; true when it did. */
    boolean scaleIfIdle(Duration idle) {
        synchronized (this) {
            if (current == null || !current.ready.isDone() || MonotonicClock.nowNs() - lastUsedNs < idle.toNanos()) {
                return false;
            }
        }
        scaleToZero();
        return true;
    }

    /** Scales to zero and uses {@code next} for later starts. */
    void redeploy(LaunchSpec next) {
        scaleToZero();
        synchronized (this) {
            spec = next;
        }
    }

    private Instance begin(Trigger trigger, AtomicBoolean claimed) {
        LaunchSpec s = spec;
        CompletableFuture<Upstream> ready = new CompletableFuture<>();
        Instance inst = new Instance(ready, trigger, claimed);
        Thread.ofVirtual().name("start-" + s.function()).start(() -> {
            try {
                ready.complete(launcher.launch(s));
            } catch (RuntimeException e) {
                synchronized (this) {
                    if (current == inst) {
                        current = null; // let the next request try again
                    }
                }
                ready.completeExceptionally(e);
            }
        });
        return inst;
    }

    private static Upstream await(Instance inst) {
        try {
            return inst.ready.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new SystemException("instance start failed: " + c.getMessage(), c);
        }
    }
}
