package dev.synwarm.net;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/**
 * Raises the calling thread's nice value (Linux keeps one per thread). Calibration's measuring threads use
 * it so that CPU contention from unrelated work on the host delays their wake-ups less; the same holds
 * for the baseline, so the comparison stays fair.
 */
final class ThreadPriority {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle GETTID = LINKER.downcallHandle(
            LINKER.defaultLookup().find("gettid").orElseThrow(), FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle SETPRIORITY = LINKER.downcallHandle(
            LINKER.defaultLookup().find("setpriority").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final int PRIO_PROCESS = 0;
    static final int MEASURING_NICE = -10;

    private ThreadPriority() {}

    /** Sets this thread's nice value; returns false when not permitted (unprivileged), which is harmless. */
    static boolean nice(int value) {
        try {
            int tid = (int) GETTID.invokeExact();
            int rc = (int) SETPRIORITY.invokeExact(PRIO_PROCESS, tid, value);
            return rc == 0;
        } catch (Throwable t) {
            return false;
        }
    }
}
