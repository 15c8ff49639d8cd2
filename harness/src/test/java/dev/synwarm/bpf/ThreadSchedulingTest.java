package dev.synwarm.bpf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The blocking consumer runs SCHED_FIFO; threads it starts must not inherit that. */
class ThreadSchedulingTest {
    /** Field 41 of /proc/thread-self/stat: the scheduling policy (0 = OTHER, 1 = FIFO). */
    static int policyOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[38]);
    }

    @Test
    void fifoWithResetOnForkIsNotInherited() throws Exception {
        Requires.root();
        AtomicInteger own = new AtomicInteger(-1);
        AtomicInteger child = new AtomicInteger(-1);
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                assertThat(Libc.setThreadPolicy(Libc.SCHED_FIFO | Libc.SCHED_RESET_ON_FORK, 10)).isZero();
                own.set(policyOfThisThread());
                Thread c = Thread.ofPlatform().start(() -> {
                    try {
                        child.set(policyOfThisThread());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                c.join();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.join();
        assertThat(own.get()).isEqualTo(Libc.SCHED_FIFO);
        assertThat(child.get()).isEqualTo(Libc.SCHED_OTHER);
    }
}
