package dev.synwarm.experiment;

import dev.synwarm.client.ClientJob;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the gateway adds to a request, as JMH sees it: one HTTP/1.1 GET on a fresh TCP connection (as every
 * measured request opens one), made by the experiment client's own request code ({@code client.InProcessClient}:
 * connect → request → read to EOF, {@code Connection: close}), answered by a warm fn-static container
 * (the {@link WarmForwardBed}: real function, started through the runtime by the experiment's own
 * launcher, host networking so no docker-proxy sits in either path). Plain HTTP on loopback; no TLS, no
 * emulated link.
 *
 * <ul>
 *   <li>{@code viaGateway}: client → the gateway's plain port for the function (warm mode) → container.</li>
 *   <li>{@code directBaseline}: client → the same container's endpoint, the very upstream the gateway uses.</li>
 * </ul>
 * Same request bytes, same response, same client code; the difference is the gateway's accept (a virtual
 * thread per connection), head parsing, lease, upstream connect (begun at accept, so it overlaps the
 * head's arrival) and relay.
 *
 * <p>Read it as a mean, not the target's median: JMH's average time runs the two benchmarks one after
 * the other (not interleaved), back to back as fast as they go, so the ~1 % of requests that wait
 * milliseconds for a CPU on a shared 2-vCPU machine dominate the mean and its error, and load that
 * changes between the two runs shows up as a difference. The figure issue 5 asks for (median difference
 * over interleaved pairs, with a CI and the p99) is {@code experiment.GatewayOverhead}, reported by
 * {@code ./synwarm bench} next to this one. Needs root and Docker with the fn-static image built
 * ({@code ./synwarm setup}).
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class GatewayForwardBench {
    private WarmForwardBed bed;
    private ClientJob viaGateway;
    private ClientJob direct;

    @Setup
    public void setUp() {
        bed = new WarmForwardBed(record -> { });
        direct = bed.direct(null);
        viaGateway = bed.viaGateway(null);
    }

    @TearDown
    public void tearDown() {
        bed.close();
    }

    /** One request through the gateway; returns the bytes received (fails on non-200). */
    @Benchmark
    public long viaGateway() {
        return bed.request(viaGateway).bytes();
    }

    @Benchmark
    public long directBaseline() {
        return bed.request(direct).bytes();
    }
}
