package dev.synwarm.sys;

import java.util.concurrent.CountDownLatch;

/**
 * Named progress points where a crash test makes the process signal itself, so that "killed during
 * probe attach" is chosen by what the run has done rather than by wall time. Inert unless the
 * environment variable {@value #ENV} names the point (a test sets it on a child process only).
 * {@value #SIGNAL_ENV} picks the signal: KILL (default; the process dies here), or TERM / INT, which are
 * sent and then the process carries on as it would when a user's signal arrives.
 */
public final class KillPoint {
    public static final String ENV = "SYNWARM_KILL_AT";
    public static final String SIGNAL_ENV = "SYNWARM_KILL_SIGNAL";
    private static final String TARGET = System.getenv(ENV);
    private static final String SIGNAL = System.getenv().getOrDefault(SIGNAL_ENV, "KILL");

    private KillPoint() {}

    /** True when {@value #ENV} names {@code point}: for a test point that must prepare its crash (a torn write). */
    public static boolean armed(String point) {
        return point.equals(TARGET);
    }

    /** Marks {@code point} as reached; if it is the one {@value #ENV} names, the process dies here. */
    public static void reached(String point, RunId run) {
        if (TARGET == null || !TARGET.equals(point)) {
            return;
        }
        // The test reads this line to learn which run's leftovers to look for.
        System.err.println("synwarm: kill point " + point + " run " + run.value() + " signal " + SIGNAL);
        System.err.flush();
        long pid = ProcessHandle.current().pid();
        Proc.run("kill", "-" + SIGNAL, Long.toString(pid));
        if (SIGNAL.equals("KILL")) {
            // kill(1) returns only after the signal is queued; SIGKILL ends us before we get further
            awaitDeath();
        }
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
