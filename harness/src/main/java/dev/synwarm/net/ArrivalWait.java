package dev.synwarm.net;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * Waits for a non-blocking channel the {@link WaitMode#SPIN} or {@link WaitMode#BUSY} way: optionally
 * sleeping in epoll until {@link #SPIN_AHEAD_NS} before the expected arrival (an earlier arrival wakes it
 * at once, so an early link is seen, only with a wake-up's delay), then polling {@code ready} with
 * {@link Thread#onSpinWait()}. One per thread (the selector is not shared).
 */
final class ArrivalWait implements AutoCloseable {
    /**
     * How long before the expected arrival the thread stops sleeping and polls: more than a timer wake-up
     * from deep idle on this VM (tenths of a ms) and a CFS slice a nice -10 thread may wait, short enough
     * that the burst costs little CPU.
     */
    static final long SPIN_AHEAD_NS = 1_000_000;

    /** The readiness check: true once the awaited event happened; may throw on a broken connection. */
    @FunctionalInterface
    interface Ready {
        boolean poll() throws IOException;
    }

    private final Selector selector;

    ArrivalWait() throws IOException {
        this.selector = Selector.open();
    }

    /**
     * Returns once {@code ready} is true. {@code expectedNs} is when (System.nanoTime) the event is
     * expected, or {@code Long.MIN_VALUE} for "poll from the start" (BUSY). Polling starts
     * {@link #SPIN_AHEAD_NS} before it, or in the last quarter of the wait when that is shorter: at a 2 ms
     * RTT the full lead left nothing to sleep (epoll sleeps whole ms), the client spun the whole RTT beside
     * the delay line's threads on two vCPUs and rr's p99 error was +3.4 ms (300 samples); with the quarter
     * it was +0.4 to +1.4 ms.
     */
    void await(SelectableChannel ch, int ops, long expectedNs, long timeoutAtNs, String what, Ready ready)
            throws IOException {
        if (ready.poll()) {
            return;
        }
        long ms = 0; // how long to sleep before polling
        if (expectedNs != Long.MIN_VALUE) {
            long now = System.nanoTime();
            long pollLead = Math.min(SPIN_AHEAD_NS, (expectedNs - now) / 4);
            ms = (expectedNs - pollLead - now) / 1_000_000;
        }
        if (ms > 0) {
            SelectionKey key = ch.register(selector, ops);
            try {
                selector.select(ms); // whole ms, rounded down: wakes before the poll lead, never after
                selector.selectedKeys().clear();
            } finally {
                key.cancel();
                selector.selectNow(); // deregisters the key, so the channel may close or register again
            }
        }
        while (!ready.poll()) {
            if (System.nanoTime() - timeoutAtNs > 0) {
                throw new SocketTimeoutException(what + " timed out");
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() throws IOException {
        selector.close();
    }
}
