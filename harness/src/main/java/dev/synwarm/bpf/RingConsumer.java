package dev.synwarm.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that empties a {@link RingBuffer}. BLOCKING waits in poll(2) on the ring's fd. The spinning
 * kinds re-read the producer position in a loop and fall back to that same poll after {@code spinBudget}
 * without a record, so a probe with nothing to deliver costs no CPU; an event wakes them and they spin
 * again. An eventfd in the same poll set makes {@link #close} immediate.
 *
 * <p>SPIN spins at SCHED_FIFO, so load on the host cannot preempt it, but it rests in a blocking poll for
 * {@link #REST_MS} after every {@link #SPIN_SLICE_NS} of spinning: a real-time thread that never sleeps
 * starves the normal threads of its CPU, and the kernel's fair server (6.12+, formerly RT throttling)
 * then stops it for up to 50 ms per second (measured with SPIN_NOREST under load: p99 ≈ 44 ms). With the rests normal threads get
 * ≈ 9 % of that CPU, more than the 5 % the server guarantees them, so it never has to step in; an event
 * that arrives during a rest wakes the consumer at once (at FIFO), with the blocking consumer's latency.
 * Cost while events keep coming: ≈ 91 % of one CPU, for at most {@code spinBudget} after the last one.
 */
final class RingConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RingConsumer.class);
    private static final int IDLE_POLL_MS = 1000;
    static final long SPIN_SLICE_NS = 10_000_000;
    static final int REST_MS = 1;
    private static final int FIFO_PRIORITY = 10;

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
        if (kind.spins() && !spinBudget.isPositive()) {
            throw new IllegalArgumentException("a spinning consumer needs a positive spin budget: " + spinBudget);
        }
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
            long lastRecord = System.nanoTime() - spinBudgetNs; // nothing to expect before the first event
            long sliceStart = System.nanoTime();
            while (running) {
                if (ring.drain(handler) > 0) {
                    lastRecord = System.nanoTime();
                    continue;
                }
                long now = System.nanoTime();
                int timeoutMs;
                if (!kind.spins() || now - lastRecord >= spinBudgetNs) {
                    timeoutMs = IDLE_POLL_MS;
                } else if (kind.rests() && now - sliceStart >= SPIN_SLICE_NS) {
                    timeoutMs = REST_MS;
                } else {
                    Thread.onSpinWait();
                    continue;
                }
                int rc = Libc.poll(fds, 2, timeoutMs, capture);
                if (rc < 0 && rc != -Libc.EINTR) {
                    LOG.error("poll on the ring buffer failed: {}; consumer stops", NativeCalls.strerror(rc));
                    return;
                }
                sliceStart = System.nanoTime();
                lastRecord = rc > 0 ? sliceStart : lastRecord; // woken by an event: spin again
            }
        } catch (RuntimeException | Error e) {
            LOG.error("ring buffer consumer died", e);
        }
    }

    /**
     * BLOCKING, SPIN (and SPIN_NOREST) run at SCHED_FIFO, ahead of every normal thread; the SCHED_OTHER
     * comparison kinds get a better nice value. Reset-on-fork: threads a listener starts from here (pools, virtual-thread carriers) stay
     * ordinary. Without root the thread stays as it is.
     */
    private void favourThisThread() {
        int rc = kind.realTime()
                ? Libc.setThreadPolicy(Libc.SCHED_FIFO | Libc.SCHED_RESET_ON_FORK, FIFO_PRIORITY)
                : Libc.setThreadPolicy(Libc.SCHED_OTHER | Libc.SCHED_RESET_ON_FORK, 0);
        if (rc == 0 && !kind.realTime()) {
            rc = Libc.setThreadNice(kind.nice());
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
