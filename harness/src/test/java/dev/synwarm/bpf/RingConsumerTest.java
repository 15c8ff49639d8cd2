package dev.synwarm.bpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synwarm.testing.Requires;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The consumer thread's waiting, on a private ring (no kernel ring): the ring "fd" is an eventfd nobody
 * signals, so the consumer only sees records by reading the ring, as a spinning one does, or when its
 * poll times out. What is checked is how it spends the CPU, from the kernel's per-thread counters.
 */
class RingConsumerTest {
    private static final String THREAD = "sw-ring-test";
    private final RingBufferTest records = new RingBufferTest();
    private final LinkedBlockingQueue<Integer> delivered = new LinkedBlockingQueue<>();
    private final RingBuffer.RecordHandler handler =
            (m, off, len) -> delivered.add(PrewarmLayout.decode(m, off, 0).fnId());

    @Test
    void aSpinningConsumerNeedsABoundedSpin() {
        int fd = Libc.eventfd();
        try {
            assertThatThrownBy(() -> new RingConsumer(records.ring, fd, ConsumerKind.SPIN, Duration.ZERO, handler, THREAD))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive spin budget");
        } finally {
            Libc.close(fd);
        }
    }

    @Test
    void spinRestsInPollBetweenSlicesAndStopsSpinningAfterItsBudget() throws Exception {
        Requires.root(); // SCHED_FIFO
        Duration budget = Duration.ofMillis(800);
        int fd = Libc.eventfd();
        try (RingConsumer consumer = new RingConsumer(records.ring, fd, ConsumerKind.SPIN, budget, handler, THREAD)) {
            records.put(7, 0);
            consumer.start(); // starts idle: finds the record when its first poll times out
            assertThat(delivered.poll(5, TimeUnit.SECONDS)).isEqualTo(7);
            long[] before = counters();
            Thread.sleep(300); // a window inside the spin budget
            long[] spinning = minus(counters(), before);
            // spinning (CPU time) with a rest in poll(2) every slice (voluntary switches): ≈ 30 in 300 ms
            assertThat(spinning[1]).as("voluntary context switches while spinning").isGreaterThanOrEqualTo(5);
            Thread.sleep(budget.toMillis()); // past the budget: the consumer now blocks
            before = counters();
            Thread.sleep(500);
            long[] idle = minus(counters(), before);
            assertThat(idle[0]).as("CPU ns while idle").isLessThan(TimeUnit.MILLISECONDS.toNanos(20));
            records.put(8, 0); // still read, at the latest when the idle poll times out
            assertThat(delivered.poll(5, TimeUnit.SECONDS)).isEqualTo(8);
        } finally {
            Libc.close(fd);
        }
    }

    /** {CPU ns, voluntary context switches} of the consumer thread, from /proc. */
    private static long[] counters() throws IOException {
        Path task = consumerTask();
        long cpuNs = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
        long voluntary = Files.readAllLines(task.resolve("status")).stream()
                .filter(l -> l.startsWith("voluntary_ctxt_switches:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElseThrow();
        return new long[] {cpuNs, voluntary};
    }

    private static Path consumerTask() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().equals(THREAD);
                } catch (IOException e) {
                    return false; // the thread ended meanwhile
                }
            }).findFirst().orElseThrow(() -> new AssertionError("no thread named " + THREAD));
        }
    }

    private static long[] minus(long[] a, long[] b) {
        return new long[] {a[0] - b[0], a[1] - b[1]};
    }
}
