package dev.synwarm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.measure.MonotonicClock;
import dev.synwarm.scenario.ContainerNetwork;
import dev.synwarm.scenario.Mode;
import dev.synwarm.sys.Resources;
import dev.synwarm.testing.Requires;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The user-space half of the pre-warm limits on a real gateway (loopback function instances): starts in
 * flight are capped, an unclaimed pre-warm is stopped and counted as wasted, a claimed one stays.
 */
class PrewarmLimitsTest {
    private static final PrewarmLimits LIMITS = new PrewarmLimits(Duration.ZERO, 1, Duration.ofMillis(300));

    @Test
    void startsAreCappedAndUnclaimedInstancesAreWasted() throws Exception {
        Requires.root();
        try (Resources res = Resources.open(); LoopbackFunctions functions = new LoopbackFunctions()) {
            Gateway g = Gateway.start(new Gateway.Config(InetAddress.getLoopbackAddress(), 0,
                    List.of(spec("fn-static"), spec("fn-jvm")), TlsIdentity.generate(res), LIMITS), functions, r -> {}, res);
            g.mode(Mode.SYN_PORT);

            g.onSyn(syn(1, 40001));
            g.onSyn(syn(2, 40002)); // the one start permit is taken by fn-static's start
            g.onSyn(syn(1, 40003)); // fn-static is starting already
            PrewarmStats s = g.prewarmStats();
            assertThat(s.triggers()).isEqualTo(3);
            assertThat(s.started()).isEqualTo(1);
            assertThat(s.refused()).isEqualTo(1);
            assertThat(s.duplicate()).isEqualTo(1);
            assertThat(g.active("fn-jvm")).isFalse();

            // nobody claims it: stopped one claim timeout after it became ready
            await(() -> !g.active("fn-static"), "the unclaimed fn-static instance expires");
            await(() -> functions.stops.get() == 1, "the expired instance is stopped");
            assertThat(g.prewarmStats().wasted()).isEqualTo(1);
            assertThat(functions.running()).isZero();

            // a claimed pre-warm is used, not wasted
            g.onSyn(syn(2, 40004));
            long now = MonotonicClock.nowNs();
            Lease lease = g.acquire("fn-jvm", new Trigger(TriggerKind.REQUEST, now, now, "10.77.0.1:40004"));
            assertThat(lease.startedBy().kind()).isEqualTo(TriggerKind.SYN_PORT);
            long deadline = System.nanoTime() + LIMITS.claimTimeout().multipliedBy(3).toNanos();
            while (System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // watching for a wrong expiry
                assertThat(g.active("fn-jvm")).isTrue();
            }
            PrewarmStats after = g.prewarmStats();
            assertThat(after.started()).isEqualTo(2);
            assertThat(after.claimed()).isEqualTo(1);
            assertThat(after.wasted()).isEqualTo(1);
        }
    }

    private static LaunchSpec spec(String fn) {
        return new LaunchSpec(fn, Duration.ofMillis(100), Duration.ZERO, ContainerNetwork.BRIDGE);
    }

    private static SynSeen syn(int fnId, int sourcePort) throws Exception {
        long now = MonotonicClock.nowNs();
        return new SynSeen(fnId, TriggerKind.SYN_PORT, InetAddress.getByName("10.77.0.1"), sourcePort, 8080, now, now);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // polling the pool's state
        }
    }
}
