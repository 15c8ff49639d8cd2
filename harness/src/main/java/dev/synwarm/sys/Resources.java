package dev.synwarm.sys;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one registry of what this process created. Every resource is registered right after it exists,
 * with the action that releases it; {@link #close} releases them newest first, on normal exit and from
 * the JVM shutdown hook (SIGINT/SIGTERM). What the kernel or Docker keeps after a SIGKILL is found by
 * the {@link Reaper}s through the {@link RunId} in its name or label.
 */
public final class Resources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

    /** How to undo one thing. */
    @FunctionalInterface
    public interface Release {
        void release() throws Exception;
    }

    private record Entry(String what, Release release) {}

    private final RunId runId;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread hook;

    private Resources(RunId runId) {
        this.runId = runId;
        this.hook = new Thread(this::releaseAll, "synwarm-cleanup");
    }

    /** A registry for a fresh run id, claimed for this process and released on shutdown. */
    public static Resources open() {
        RunId id = RunId.random();
        Ownership.claim(id);
        Resources r = new Resources(id);
        Runtime.getRuntime().addShutdownHook(r.hook);
        return r;
    }

    public RunId runId() {
        return runId;
    }

    /** Registers {@code release} to undo {@code what}; returns nothing to keep call sites short. */
    public void add(String what, Release release) {
        synchronized (this) {
            if (!closed.get()) {
                entries.push(new Entry(what, release));
                return;
            }
        }
        // Created while the shutdown hook was releasing (a SIGTERM during a container start): nobody will
        // release it later, so undo it now, and stop the caller.
        runRelease(new Entry(what, release));
        throw new IllegalStateException("resources already released; " + what + " was undone at once");
    }

    /** Releases and forgets {@code what} early (for example a container stopped between repetitions). */
    public void releaseNow(String what) {
        Entry found = null;
        synchronized (this) {
            for (Entry e : entries) {
                if (e.what.equals(what)) {
                    found = e;
                    break;
                }
            }
            if (found != null) {
                entries.remove(found);
            }
        }
        if (found != null) {
            runRelease(found);
        }
    }

    @Override
    public void close() {
        releaseAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down: the hook is what called us
        }
    }

    private void releaseAll() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        while (true) {
            Entry e;
            synchronized (this) {
                e = entries.poll();
            }
            if (e == null) {
                break;
            }
            runRelease(e);
        }
        Ownership.release(runId);
    }

    private static void runRelease(Entry e) {
        try {
            e.release.release();
        } catch (Exception ex) {
            LOG.warn("could not release {}: {}", e.what, ex.toString());
        }
    }
}
