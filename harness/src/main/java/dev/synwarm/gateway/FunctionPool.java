package dev.synwarm.gateway;

import dev.synwarm.measure.MonotonicClock;
import dev.synwarm.sys.SystemException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The instance of one function: none, starting, or ready. At most one start is in flight; a pre-warm
 * trigger begins it, a request joins it (or begins it, cold). Starts run on virtual threads so that a
 * trigger handler never blocks on Docker.
 */
final class FunctionPool {
    /** One instance's life: the start's result and what began it. */
    private record Instance(CompletableFuture<Upstream> ready, Trigger startedBy) {}

    private final InstanceLauncher launcher;
    private LaunchSpec spec;
    private Instance current;
    private volatile long lastUsedNs = MonotonicClock.nowNs();

    FunctionPool(InstanceLauncher launcher, LaunchSpec spec) {
        this.launcher = launcher;
        this.spec = spec;
    }

    synchronized LaunchSpec spec() {
        return spec;
    }

    /** Starts an instance unless one exists or is starting; true when this call began a start. */
    synchronized boolean prewarm(Trigger trigger) {
        if (current != null) {
            return false;
        }
        current = begin(trigger);
        return true;
    }

    /** Waits for a ready instance, starting one (cold, by {@code request}) when there is none. */
    Lease acquire(Trigger request) {
        Instance inst;
        InstanceFound found;
        synchronized (this) {
            if (current == null) {
                current = begin(request);
                found = InstanceFound.NONE;
            } else {
                found = current.ready.isDone() ? InstanceFound.READY : InstanceFound.STARTING;
            }
            inst = current;
        }
        Upstream up = await(inst);
        lastUsedNs = MonotonicClock.nowNs();
        return new Lease(up, found, inst.startedBy);
    }

    /** Makes sure an instance is ready (started by WARM when none was), and returns it. */
    Upstream warm() {
        long now = MonotonicClock.nowNs();
        prewarm(new Trigger(TriggerKind.WARM, now, now, null));
        Instance inst;
        synchronized (this) {
            inst = current;
        }
        return await(inst);
    }

    /** The ready instance, without waiting; null when none is ready. */
    synchronized Upstream readyNow() {
        return current != null && current.ready.isDone() && !current.ready.isCompletedExceptionally()
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

    private Instance begin(Trigger trigger) {
        LaunchSpec s = spec;
        CompletableFuture<Upstream> ready = new CompletableFuture<>();
        Instance inst = new Instance(ready, trigger);
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
