package dev.synwarm.jmh;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * A libbpf map lookup through FFM on the probe's port table ({@link PortMapState}): one bpf(2) system call
 * behind one downcall; {@code lookupErrno} adds errno capture, to show its price on a system call.
 * Baseline: {@code get} on a {@code HashMap<Integer, Integer>} holding the same entry — the table the
 * gateway would keep without a kernel — so the ratio reads "what the kernel round trip costs over a
 * user-space table".
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BpfMapLookupBench {
    @Benchmark
    public int lookup(PortMapState s) throws Throwable {
        int rc = (int) PortMapState.LOOKUP.invokeExact(s.fd, s.key, s.out);
        return rc + s.out.get(JAVA_INT, 0);
    }

    @Benchmark
    public int lookupErrno(PortMapState s) throws Throwable {
        int rc = (int) PortMapState.LOOKUP_ERRNO.invokeExact(s.capture, s.fd, s.key, s.out);
        return rc + s.out.get(JAVA_INT, 0);
    }

    @Benchmark
    public Integer javaMapGetBaseline(PortMapState s) {
        return s.javaTable.get(PortMapState.PORT);
    }
}
