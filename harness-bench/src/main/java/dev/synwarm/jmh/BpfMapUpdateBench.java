package dev.synwarm.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * A libbpf map update through FFM on the probe's port table ({@link PortMapState}) — what
 * {@code PrewarmProbe.mapPort} costs per call: one bpf(2) system call behind one downcall, overwriting
 * the existing entry. Baseline: {@code put} of the same entry into a {@code HashMap<Integer, Integer>}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BpfMapUpdateBench {
    @Benchmark
    public int update(PortMapState s) throws Throwable {
        return (int) PortMapState.UPDATE.invokeExact(s.fd, s.key, s.value, 0L);
    }

    @Benchmark
    public Integer javaMapPutBaseline(PortMapState s) {
        return s.javaTable.put(PortMapState.PORT, s.fn);
    }
}
