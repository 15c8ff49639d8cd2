package dev.synwarm.sys;

import java.util.concurrent.CountDownLatch;

/**
 * Named progress points where a crash test makes the process SIGKILL itself, so that "killed during
 * probe attach" is chosen by what the run has done rather than by wall time. Inert unless the
 * environment variable {@value #ENV} names the point (a test sets it on a child process only).
 */
public final class KillPoint {
    public static final String ENV = "SYNWARM_KILL_AT";
    private static final String TARGET = System.getenv(ENV);

    private KillPoint() {}

    /** Marks {@code point} as reached; if it is the one {@value #ENV} names, the process dies here. */
    public static void reached(String point, RunId run) {
        if (TARGET == null || !TARGET.equals(point)) {
            return;
        }
        // The test reads this line to learn which run's leftovers to look for.
        System.err.println("synwarm: kill point " + point + " run " + run.value());
        System.err.flush();
        long pid = ProcessHandle.current().pid();
        Proc.run("kill", "-KILL", Long.toString(pid));
        // kill(1) returns only after the signal is queued; SIGKILL ends us before we get further
        awaitDeath();
    }

    private static void awaitDeath() {
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException ignored) {
                // nothing to do but wait for the signal
            }
        }
    }
}
