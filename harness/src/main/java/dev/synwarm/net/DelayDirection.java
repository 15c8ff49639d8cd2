package dev.synwarm.net;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of the delay line: a reader thread stamps each frame with a deadline (kernel receive time
 * + delay ± jitter, never earlier than the previous frame's, so jitter cannot reorder) and queues it; a
 * sender thread parks until shortly before the head's deadline, spins the rest, and sends it. Deadlines
 * are monotone, so a FIFO is the whole schedule. Idle, both threads block in the kernel.
 */
final class DelayDirection {
    private static final MethodHandle PRCTL = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("prctl").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), Linker.Option.firstVariadicArg(1));
    private static final MethodHandle SCHED_SETSCHEDULER = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("sched_setscheduler").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final int PR_SET_TIMERSLACK = 29;
    private static final int SCHED_FIFO = 1;
    /**
     * Real-time priority of the line's threads. On a machine busy with builds an ordinary thread waited up
     * to 130 ms for a CPU and delayed frames by that much; a SCHED_FIFO thread preempts them at once. The
     * threads block when idle and spin at most {@link DelayLineConfig#spin} per frame, and the kernel's RT
     * throttling (95% by default) bounds the worst case.
     */
    private static final int RT_PRIORITY = 10;
    private static final long LATE_NS = 200_000;

    private record Frame(long deadlineNs, byte[] data, Counters epoch) {}

    private final String name;
    private final PacketSocket in;
    private final PacketSocket out;
    private final long delayNs;
    private final long jitterNs;
    private final double loss;
    private final long spinNs;
    private final SplittableRandom random;
    private final ArrayBlockingQueue<Frame> queue;
    private final AtomicReference<Throwable> failure;
    private volatile boolean running = true;
    private long lastDeadline = Long.MIN_VALUE;
    private Thread reader;
    private Thread sender;

    /**
     * The counters of one epoch (since start or the last {@link #resetStats}). Each frame carries the epoch
     * it was received in, and its fate (sent, late, send error) is counted there: a frame in flight during a
     * reset stays in the old epoch, so in every epoch {@code received = sent + lost + overflow + sendErrors
     * + frames still queued}, whatever the timing of the reset.
     */
    private static final class Counters {
        final AtomicLong received = new AtomicLong();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong lost = new AtomicLong();
        final AtomicLong overflow = new AtomicLong();
        final AtomicLong sendErrors = new AtomicLong();
        final AtomicLong kernelDrops = new AtomicLong();
        final AtomicLong late = new AtomicLong();
        final AtomicLong maxLate = new AtomicLong();
    }

    private volatile Counters counters = new Counters();

    DelayDirection(String name, PacketSocket in, PacketSocket out, DelayLineConfig cfg, long seed,
            AtomicReference<Throwable> failure) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.delayNs = cfg.lineDelay().toNanos();
        this.jitterNs = cfg.link().jitter().toNanos();
        this.loss = cfg.link().lossPercent() / 100.0;
        this.spinNs = cfg.spin().toNanos();
        this.random = new SplittableRandom(seed);
        this.queue = new ArrayBlockingQueue<>(cfg.queueLimit());
        this.failure = failure;
    }

    void start() {
        reader = Thread.ofPlatform().daemon().name("delayline rx " + name).start(this::readLoop);
        sender = Thread.ofPlatform().daemon().name("delayline tx " + name).start(this::sendLoop);
    }

    /** Stops both threads; frames still queued are dropped, as a cut cable would. */
    void stop() throws InterruptedException {
        running = false;
        sender.interrupt();
        reader.join();
        sender.join();
    }

    DelayLineStats.Direction stats() {
        Counters c = counters;
        PacketSocket.KernelStats k = in.kernelStats();
        c.kernelDrops.addAndGet(k.drops());
        return new DelayLineStats.Direction(c.received.get(), c.sent.get(), c.lost.get(), c.overflow.get(),
                c.sendErrors.get(), c.kernelDrops.get(), c.late.get(), c.maxLate.get());
    }

    /**
     * Starts a new epoch of counters (kernel drops too), e.g. after the warm-up traffic. Frames received
     * before are counted in the old epoch even if they leave after (see {@link Counters}).
     */
    void resetStats() {
        in.kernelStats(); // reading the kernel's counters clears them
        counters = new Counters();
    }

    private void readLoop() {
        try (Arena arena = Arena.ofConfined()) {
            realtime(arena);
            PacketSocket.Receiver rx = in.new Receiver(arena);
            while (running) {
                int n = rx.receive();
                if (n <= 0) {
                    continue;
                }
                Counters epoch = counters;
                epoch.received.incrementAndGet();
                if (loss > 0 && random.nextDouble() < loss) {
                    epoch.lost.incrementAndGet();
                    continue;
                }
                long d = jitterNs > 0 ? delayNs + random.nextLong(-jitterNs, jitterNs + 1) : delayNs;
                long deadline = rx.arrivalNs() + Math.max(0, d);
                if (lastDeadline != Long.MIN_VALUE && deadline - lastDeadline < 0) {
                    deadline = lastDeadline; // jitter never reorders: no frame leaves before the one ahead
                }
                lastDeadline = deadline;
                byte[] data = rx.frame().asSlice(0, n).toArray(JAVA_BYTE);
                if (!queue.offer(new Frame(deadline, data, epoch))) {
                    epoch.overflow.incrementAndGet();
                }
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void sendLoop() {
        try (Arena arena = Arena.ofConfined()) {
            // 1 ns timer slack for this thread: parkNanos then wakes within the hrtimer's precision
            int rc = (int) PRCTL.invokeExact(PR_SET_TIMERSLACK, 1L);
            realtime(arena);
            PacketSocket.Sender tx = out.new Sender(arena);
            while (running) {
                Frame f;
                try {
                    f = queue.take();
                } catch (InterruptedException e) {
                    continue; // stop() interrupts; the loop condition decides
                }
                long wait;
                while (running && (wait = f.deadlineNs() - System.nanoTime()) > spinNs) {
                    LockSupport.parkNanos(wait - spinNs);
                }
                if (!running) {
                    break;
                }
                long now;
                while ((now = System.nanoTime()) - f.deadlineNs() < 0) {
                    Thread.onSpinWait();
                }
                long lateNs = now - f.deadlineNs();
                Counters epoch = f.epoch();
                if (lateNs > LATE_NS) {
                    epoch.late.incrementAndGet();
                }
                if (lateNs > epoch.maxLate.get()) {
                    epoch.maxLate.set(lateNs); // only this thread writes it
                }
                if (tx.send(f.data()) != 0) {
                    epoch.sendErrors.incrementAndGet();
                } else {
                    epoch.sent.incrementAndGet();
                }
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    /** Makes the calling thread SCHED_FIFO; without the privilege it stays an ordinary thread. */
    private static void realtime(Arena arena) throws Throwable {
        int rc = (int) SCHED_SETSCHEDULER.invokeExact(0, SCHED_FIFO, arena.allocateFrom(JAVA_INT, RT_PRIORITY));
        if (rc != 0 && !warnedNoRealtime) {
            warnedNoRealtime = true;
            System.err.println("synwarm delayline: no SCHED_FIFO (not privileged?); frames may be late under load");
        }
    }

    private static volatile boolean warnedNoRealtime;

    private void fail(Throwable t) {
        if (running) {
            failure.compareAndSet(null, t);
            running = false;
            synchronized (failure) {
                failure.notifyAll();
            }
        }
    }
}
