package dev.synwarm.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that empties a {@link RingBuffer}. BLOCKING waits in poll(2) on the ring's fd; SPIN re-reads
 * the producer position in a loop and, when {@code spinBudget} is positive, falls back to poll after that
 * long without a record. An eventfd in the same poll set makes {@link #close} immediate.
 */
final class RingConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RingConsumer.class);
    private static final int POLL_TIMEOUT_MS = 1000;
    private static final int CONSUMER_NICE = -10;
    private static final int BLOCKING_FIFO_PRIORITY = 10;

    private final RingBuffer ring;
    private final int ringFd;
    private final ConsumerKind kind;
    private final long spinBudgetNs;
    private final RingBuffer.RecordHandler handler;
    private final int wakeFd;
    private final Thread thread;
    private volatile boolean running = true;

    RingConsumer(RingBuffer ring, int ringFd, ConsumerKind kind, Duration spinBudget,
                 RingBuffer.RecordHandler handler, String threadName) {
        this.ring = ring;
        this.ringFd = ringFd;
        this.kind = kind;
        this.spinBudgetNs = spinBudget.toNanos();
        this.handler = handler;
        this.wakeFd = Libc.eventfd();
        // a platform thread: a virtual one would pin its carrier while spinning or sitting in poll(2)
        this.thread = Thread.ofPlatform().daemon().name(threadName).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        favourThisThread();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = Libc.pollFds(arena, ringFd, wakeFd);
            MemorySegment capture = NativeCalls.captureIn(arena);
            long lastRecord = System.nanoTime();
            while (running) {
                if (ring.drain(handler) > 0) {
                    lastRecord = System.nanoTime();
                    continue;
                }
                boolean spin = kind == ConsumerKind.SPIN
                        && (spinBudgetNs <= 0 || System.nanoTime() - lastRecord < spinBudgetNs);
                if (spin) {
                    Thread.onSpinWait();
                    continue;
                }
                int rc = Libc.poll(fds, 2, POLL_TIMEOUT_MS, capture);
                if (rc < 0 && rc != -Libc.EINTR) {
                    LOG.error("poll on the ring buffer failed: {}; consumer stops", NativeCalls.strerror(rc));
                    return;
                }
                lastRecord = kind == ConsumerKind.SPIN && rc > 0 ? System.nanoTime() : lastRecord;
            }
        } catch (RuntimeException | Error e) {
            LOG.error("ring buffer consumer died", e);
        }
    }

    /**
     * On a busy 2-core host the consumer competes with everything else. A blocking consumer sleeps almost
     * always, so SCHED_FIFO (woken ahead of normal threads) costs others nothing; a spinning one would hog
     * a core at real-time priority and be throttled for tens of ms by the kernel's RT bandwidth limit
     * (measured: p99 ≈ 40 ms), so it only gets a better nice value. Without root both stay as they are.
     */
    private void favourThisThread() {
        // reset-on-fork: threads a listener starts from here (pools, virtual-thread carriers) stay ordinary
        int rc = kind == ConsumerKind.BLOCKING
                ? Libc.setThreadPolicy(Libc.SCHED_FIFO | Libc.SCHED_RESET_ON_FORK, BLOCKING_FIFO_PRIORITY)
                : Libc.setThreadPolicy(Libc.SCHED_OTHER | Libc.SCHED_RESET_ON_FORK, 0);
        if (rc == 0 && kind == ConsumerKind.SPIN) {
            rc = Libc.setThreadNice(CONSUMER_NICE);
        }
        if (rc < 0) {
            LOG.debug("consumer thread keeps its scheduling: {}", NativeCalls.strerror(rc));
        }
    }

    @Override
    public void close() {
        running = false;
        Libc.signal(wakeFd);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Libc.close(wakeFd);
    }
}
