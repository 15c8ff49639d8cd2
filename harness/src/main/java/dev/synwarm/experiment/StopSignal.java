package dev.synwarm.experiment;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C as a request to stop after the current repetition, so what was measured is kept and run.json
 * says why it is incomplete. A second Ctrl-C falls back to the JVM's default: immediate shutdown, with
 * the {@code Resources} hook still cleaning up.
 */
public final class StopSignal implements AutoCloseable {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final SignalHandler previous;

    private StopSignal() {
        previous = Signal.handle(new Signal("INT"), sig -> {
            stopped.countDown();
            Signal.handle(new Signal("INT"), SignalHandler.SIG_DFL);
            System.err.println("\nsynwarm: stopping after the current request (Ctrl-C again to abort)");
        });
    }

    public static StopSignal install() {
        return new StopSignal();
    }

    public boolean requested() {
        return stopped.getCount() == 0;
    }

    /** Waits up to {@code timeout} for Ctrl-C; true when it came. */
    public boolean await(java.time.Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        Signal.handle(new Signal("INT"), previous);
    }
}
