package dev.synwarm.net;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks a free 10.77.N.0/24 for a topology. "Free" means no address or route of the root namespace uses
 * it; the edge address of every topology lives there, so that sees all runs. Choosing and assigning
 * happen under an exclusive lock on a file in the state directory, so concurrent synwarm processes never
 * pick the same N.
 */
final class Subnets {
    private static final Pattern USED = Pattern.compile("\\b10\\.77\\.(\\d{1,3})\\.\\d{1,3}");
    private static final Path LOCK = Path.of(System.getProperty("synwarm.stateDir", "/run/synwarm"), "subnets.lock");
    private static final Object JVM_LOCK = new Object();

    private Subnets() {}

    /** What to do with the lock held: gets a free N (1..254), returns what it built. */
    interface WithSubnet<T> {
        T build(int n);
    }

    static <T> T allocate(WithSubnet<T> action) {
        synchronized (JVM_LOCK) { // FileChannel.lock is per JVM: threads of one process must queue here
            try {
                Files.createDirectories(LOCK.getParent());
                try (FileChannel ch = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock ignored = ch.lock()) {
                    return action.build(pickFree(used()));
                }
            } catch (IOException e) {
                throw new SystemException("cannot lock " + LOCK + ": " + e.getMessage(), e);
            }
        }
    }

    /** The N of every 10.77.N.x address or route in the root namespace. */
    static Set<Integer> used() {
        Set<Integer> used = new HashSet<>();
        for (String out : new String[] {
            Proc.run("ip", "-o", "-4", "addr", "show").orThrow().stdout(),
            Proc.run("ip", "-4", "route", "show", "table", "all").orThrow().stdout()
        }) {
            Matcher m = USED.matcher(out);
            while (m.find()) {
                used.add(Integer.parseInt(m.group(1)));
            }
        }
        return used;
    }

    /** A free N, starting the search at a random place so runs that skip the lock rarely collide. */
    static int pickFree(Set<Integer> used) {
        int start = ThreadLocalRandom.current().nextInt(254);
        for (int i = 0; i < 254; i++) {
            int n = 1 + (start + i) % 254;
            if (!used.contains(n)) {
                return n;
            }
        }
        throw new SystemException("all of 10.77.1.0/24 .. 10.77.254.0/24 are in use; run `synwarm cleanup`");
    }
}
