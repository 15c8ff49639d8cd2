package dev.synwarm.jmh;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one FFM downcall costs, the way the harness makes them ({@code static final} handle,
 * {@code invokeExact}).
 *
 * <ul>
 *   <li>{@code javaCallBaseline}: a pure-Java static method the JIT may not inline — the cost of any
 *       out-of-line call, which an FFM call can never beat. Fair: same argument, same result type.</li>
 *   <li>{@code ffmLabs}: libc {@code labs}, which does no system call, so the time is the downcall itself
 *       (argument shuffling and the Java→native thread-state transition and back).</li>
 *   <li>{@code ffmLabsCritical}: the same with {@code Linker.Option.critical(false)}, which skips the
 *       thread-state transition — the floor of an FFM call.</li>
 *   <li>{@code ffmGetpid} / {@code ffmGetpidErrno}: a real system call (glibc no longer caches the pid),
 *       without and with {@code captureCallState("errno")} as every failing-call handle of the harness
 *       uses; the difference is the cost of errno capture.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class FfmCallBench {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle LABS = LINKER.downcallHandle(
            LINKER.defaultLookup().find("labs").orElseThrow(), FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
    private static final MethodHandle LABS_CRITICAL = LINKER.downcallHandle(
            LINKER.defaultLookup().find("labs").orElseThrow(), FunctionDescriptor.of(JAVA_LONG, JAVA_LONG),
            Linker.Option.critical(false));
    private static final MethodHandle GETPID = LINKER.downcallHandle(
            LINKER.defaultLookup().find("getpid").orElseThrow(), FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETPID_ERRNO = LINKER.downcallHandle(
            LINKER.defaultLookup().find("getpid").orElseThrow(), FunctionDescriptor.of(JAVA_INT),
            Linker.Option.captureCallState("errno"));

    /** Not a constant, so no call folds away. */
    long value = -42;
    private Arena arena;
    private MemorySegment capture;

    @Setup
    public void setUp() {
        arena = Arena.ofConfined();
        capture = arena.allocate(Linker.Option.captureStateLayout());
    }

    @TearDown
    public void tearDown() {
        arena.close();
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static long javaAbs(long v) {
        return v < 0 ? -v : v;
    }

    @Benchmark
    public long javaCallBaseline() {
        return javaAbs(value);
    }

    @Benchmark
    public long ffmLabs() throws Throwable {
        return (long) LABS.invokeExact(value);
    }

    @Benchmark
    public long ffmLabsCritical() throws Throwable {
        return (long) LABS_CRITICAL.invokeExact(value);
    }

    @Benchmark
    public int ffmGetpid() throws Throwable {
        return (int) GETPID.invokeExact();
    }

    @Benchmark
    public int ffmGetpidErrno() throws Throwable {
        return (int) GETPID_ERRNO.invokeExact(capture);
    }
}
