package dev.synwarm.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.RunId;
import dev.synwarm.sys.UsageException;
import dev.synwarm.testing.Requires;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real topology and delay line (root, namespaces, AF_PACKET). Timing bounds are functional: never
 * faster than the emulated delay, and not grossly slower; the tight numbers come from {@code calibrate}.
 */
class TopologyTest {
    private static final Pattern SEQ = Pattern.compile("icmp_seq=(\\d+) .*time=([0-9.]+) ms");

    @BeforeEach
    void root() {
        Requires.root();
    }

    @Test
    void buildsTheTopologyAndRemovesAllOfItOnClose() throws Exception {
        RunId run;
        try (Resources res = Resources.open(); Topology t = Topology.create(res)) {
            run = res.runId();
            assertThat(Leftovers.of(run)).contains("netns " + t.clientNetns(), "link " + run.name("cw"),
                    "link " + run.name("ew"), "link " + t.edgeInterface(), "cgroup " + run.name(""));
            assertThat(t.edgeIfindex()).isEqualTo(Integer.parseInt(
                    Files.readString(java.nio.file.Path.of("/sys/class/net", t.edgeInterface(), "ifindex")).strip()));
            assertThat(t.clientAddress().getHostAddress()).matches("10\\.77\\.\\d+\\.1");
            assertThat(t.edgeAddress().getHostAddress()).matches("10\\.77\\.\\d+\\.2");

            // the wrapper puts a command into the client cgroup first, then the client namespace
            String inside = Proc.run(t.inClient(List.of("sh", "-c", "cat /proc/self/cgroup; ip -o -4 addr show")))
                    .orThrow().stdout();
            assertThat(inside).contains("0::/" + run.name("")).contains(t.clientAddress().getHostAddress() + "/24")
                    .doesNotContain(t.edgeAddress().getHostAddress() + "/24");

            try (LatencyEmulator e = t.emulate(LinkSpec.of(Duration.ofMillis(5)), EmulatorChoice.DELAYLINE)) {
                assertThat(e.backend()).isEqualTo("delayline");
                assertThat(Leftovers.of(run)).anyMatch(s -> s.startsWith("process "));
                double[] rtt = times(ping(t, 50, "0.01"));
                assertThat(rtt).hasSize(50);
                Percentiles p = new Percentiles(rtt);
                assertThat(p.at(0)).as("no reply before 2 x one-way").isGreaterThanOrEqualTo(10.0 - 0.1);
                assertThat(p.at(50)).as("median within a few ms").isLessThan(10.0 + 3);
                DelayLineStats s = e.lineStats().orElseThrow();
                // every frame received after the warm-up's counter reset left the line (a frame in flight
                // during the reset is counted in the old epoch, see DelayDirection.Counters), and each
                // echo request was one of them
                assertThat(s.aToB().received()).isEqualTo(s.aToB().sent());
                assertThat(s.aToB().sent()).isGreaterThanOrEqualTo(rtt.length);
                assertThat(s.aToB().kernelDrops() + s.aToB().overflow() + s.aToB().sendErrors()).isZero();
            }
            assertThat(Leftovers.of(run)).noneMatch(s -> s.startsWith("process "));
        }
        assertThat(Leftovers.of(run)).isEmpty();
    }

    @Test
    @SuppressWarnings("try") // the resource is the point: it must be open during the block
    void theEdgeInterfaceSeesTheClientsPacketsOnlyAfterTheOneWayDelay() throws Throwable {
        try (Resources res = Resources.open(); Topology t = Topology.create(res);
                LatencyEmulator e = t.emulate(LinkSpec.of(Duration.ofMillis(50)), EmulatorChoice.DELAYLINE);
                PacketSocket edge = PacketSocket.open(t.edgeInterface(), Duration.ofSeconds(5));
                java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            PacketSocket.Receiver rx = edge.new Receiver(arena);
            long sent = System.nanoTime(); // the ping leaves after this (process start only adds)
            Process ping = new ProcessBuilder(t.inClient(List.of("ping", "-n", "-c", "1", "-W", "2",
                    t.edgeAddress().getHostAddress()))).redirectErrorStream(true).start();
            long arrival = 0;
            while (arrival == 0) {
                int n = rx.receive();
                assertThat(n).as("a frame arrives on the edge within the receive timeout").isNotEqualTo(-1);
                // IPv4 ICMP echo request: ethertype 0x0800 at 12, protocol 1 at 23, type 8 at 34 (after 10-byte vnet header)
                var f = rx.frame();
                if (n > 44 && f.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 10 + 23) == 1
                        && f.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 10 + 34) == 8) {
                    arrival = rx.arrivalNs();
                }
            }
            String out = new String(ping.getInputStream().readAllBytes());
            assertThat(ping.waitFor()).isZero();
            assertThat((arrival - sent) / 1e6).as("request reaches the edge interface after the delay")
                    .isGreaterThanOrEqualTo(50.0 - 0.1).isLessThan(50.0 + 1000);
            assertThat(times(out)[0]).isGreaterThanOrEqualTo(100.0 - 0.1);
        }
    }

    @Test
    @SuppressWarnings("try") // the resource is the point: it must be open during the block
    void jitterSpreadsDelaysButNeverReorders() {
        try (Resources res = Resources.open(); Topology t = Topology.create(res);
                LatencyEmulator e = t.emulate(new LinkSpec(Duration.ofMillis(5), Duration.ofMillis(4), 0),
                        EmulatorChoice.DELAYLINE)) {
            // 1 ms apart with ±4 ms jitter: an emulator that drew independent delays would reorder constantly
            String out = ping(t, 300, "0.001");
            List<Integer> order = new ArrayList<>();
            Matcher m = SEQ.matcher(out);
            while (m.find()) {
                order.add(Integer.parseInt(m.group(1)));
            }
            assertThat(order).hasSizeGreaterThan(290).isSorted().doesNotHaveDuplicates();
            Percentiles p = new Percentiles(times(out));
            assertThat(p.at(0)).as("never below 2 x (one-way - jitter)").isGreaterThanOrEqualTo(2.0 - 0.1);
            assertThat(p.at(95) - p.at(5)).as("jitter is applied").isGreaterThan(2.0);
        }
    }

    @Test
    void lossDropsAboutTheConfiguredShare() {
        try (Resources res = Resources.open(); Topology t = Topology.create(res);
                LatencyEmulator e = t.emulate(new LinkSpec(Duration.ofMillis(1), Duration.ZERO, 10),
                        EmulatorChoice.DELAYLINE)) {
            DelayLineStats before = e.lineStats().orElseThrow();
            double replies = times(ping(t, 1000, "0.002")).length;
            // 10% per direction: a reply survives both ways with p = 0.81; binomial sd over 1000 is 1.2%
            assertThat(1 - replies / 1000).isBetween(0.19 - 0.06, 0.19 + 0.06);
            DelayLineStats after = e.lineStats().orElseThrow();
            long rx = after.aToB().received() - before.aToB().received();
            long lost = after.aToB().lost() - before.aToB().lost();
            assertThat((double) lost / rx).isBetween(0.06, 0.14);
        }
    }

    @Test
    void autoFallsBackToTheDelayLineWhenTheKernelHasNoNetemAndExplicitNetemSaysWhy() {
        try (Resources res = Resources.open(); Topology t = Topology.create(res)) {
            boolean netem = NetemSupport.available(res);
            try (LatencyEmulator e = t.emulate(LinkSpec.of(Duration.ofMillis(2)), EmulatorChoice.AUTO)) {
                assertThat(e.backend()).isEqualTo(netem ? "netem" : "delayline");
                assertThat(new Percentiles(times(ping(t, 20, "0.01"))).at(0)).isGreaterThanOrEqualTo(4.0 - 0.1);
            }
            if (!netem) {
                assertThatThrownBy(() -> t.emulate(LinkSpec.of(Duration.ofMillis(2)), EmulatorChoice.NETEM))
                        .isInstanceOf(UsageException.class).hasMessageContaining("no sch_netem");
            }
            assertThat(Leftovers.of(res.runId())).noneMatch(s -> s.contains("-np") || s.contains("-nq"));
        }
    }

    @Test
    @SuppressWarnings("try") // the resource is the point: it must be open during the block
    void aPlainWireCarriesTrafficWithoutDelay() throws Exception {
        try (Resources res = Resources.open(); Topology t = Topology.create(res); Topology.Wire w = t.directWire()) {
            Percentiles p = new Percentiles(times(ping(t, 20, "0.01")));
            assertThat(p.at(50)).isLessThan(1.0);
        }
    }

    @Test
    void twoTopologiesAtOnceGetDifferentSubnets() {
        try (Resources a = Resources.open(); Resources b = Resources.open();
                Topology ta = Topology.create(a); Topology tb = Topology.create(b)) {
            assertThat(ta.edgeAddress().getAddress()[2]).isNotEqualTo(tb.edgeAddress().getAddress()[2]);
        }
    }

    private static String ping(Topology t, int count, String interval) {
        return Proc.run(t.inClient(List.of("ping", "-n", "-c", Integer.toString(count), "-i", interval, "-W", "2",
                t.edgeAddress().getHostAddress())), Duration.ofSeconds(60)).stdout();
    }

    private static double[] times(String pingOutput) {
        return Calibration.pingTimes(pingOutput);
    }
}
