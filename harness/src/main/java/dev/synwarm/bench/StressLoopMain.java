package dev.synwarm.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The process behind {@link SyntheticLoad}: two threads in a pure busy loop and one that allocates and
 * hashes (young-generation churn, so this JVM's GC runs too), all at the nice value it was started with.
 * It prints {@link #READY} once all run, and exits when its standard input closes, so it dies with the process that started it, even a killed one.
 */
public final class StressLoopMain {
    static final int BUSY_THREADS = 2;
    static final String READY = "running";
    private static volatile long sink;

    private StressLoopMain() {}

    public static void main(String[] args) throws IOException {
        for (int i = 0; i < BUSY_THREADS; i++) {
            Thread.ofPlatform().daemon().name("busy-" + i).start(StressLoopMain::busy);
        }
        Thread.ofPlatform().daemon().name("alloc").start(StressLoopMain::allocate);
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // nothing is sent; read returns -1 when the parent closes the pipe or dies
        }
    }

    private static void busy() {
        long x = 1;
        while (true) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            if (x == 0) {
                sink = x;
            }
        }
    }

    private static void allocate() {
        List<byte[]> live = new ArrayList<>();
        int i = 0;
        while (true) {
            byte[] b = new byte[1024 + (i & 4095)];
            b[i & 1023] = (byte) i;
            live.add(b);
            if (live.size() > 4096) {
                sink += live.get(i & 4095).length + live.hashCode();
                live.clear();
            }
            i++;
        }
    }
}
