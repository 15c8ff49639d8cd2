package dev.synwarm.bpf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.Resources;
import dev.synwarm.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real veth + namespace + connections: exactly one event per connection, with the right function id. */
class PrewarmProbeIntegrationTest {
    static final int CONNECTIONS = 20;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"XDP, PORT, BLOCKING", "TC, PORT, SPIN", "XDP, OPTION, SPIN", "TC, OPTION, BLOCKING"})
    void oneEventPerConnection(AttachMode mode, TriggerSource trigger, ConsumerKind consumer) throws Exception {
        Requires.bpf();
        LinkedBlockingQueue<SynEvent> events = new LinkedBlockingQueue<>();
        String edgeIface;
        Path cgroup;
        try (Resources res = Resources.open()) {
            ProbeTestbed bed = ProbeTestbed.create(res);
            edgeIface = bed.edgeIface();
            cgroup = bed.clientCgroup();
            PrewarmProbe probe = PrewarmProbe.attach(bed.edgeIface(), mode, consumer, Duration.ZERO, events::add, res);
            int port = 8080;
            int fn;
            if (trigger == TriggerSource.PORT) {
                fn = 7;
                probe.mapPort(port, fn);
                probe.mapPort(9999, 1); // unrelated mapping, must not fire
            } else {
                fn = 0x00C0FFEE;
                probe.mapPort(port, 3); // the option must win over the port table
                FnIdTagger.attach(bed.clientCgroup(), res).tag(port, fn);
            }
            bed.listen(port);
            bed.connect(port, CONNECTIONS, Duration.ZERO);

            List<SynEvent> got = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (got.size() < CONNECTIONS && System.nanoTime() < deadline) {
                SynEvent e = events.poll(100, TimeUnit.MILLISECONDS);
                if (e != null) {
                    got.add(e);
                }
            }
            ProbeStats stats = probe.stats();
            assertThat(got).hasSize(CONNECTIONS);
            assertThat(stats.events()).as("kernel-side count, %s", stats).isEqualTo(CONNECTIONS);
            assertThat(stats.suppressed() + stats.ringBufferFull()).isZero();
            Set<Integer> sourcePorts = new HashSet<>();
            for (SynEvent e : got) {
                assertThat(e.fnId()).isEqualTo(fn);
                assertThat(e.source()).isEqualTo(trigger);
                assertThat(e.hook()).isEqualTo(mode);
                assertThat(e.saddr()).isEqualTo(bed.clientAddress());
                assertThat(e.dport()).isEqualTo(port);
                assertThat(e.receivedNs()).isGreaterThanOrEqualTo(e.ktimeNs());
                sourcePorts.add(e.sport());
            }
            assertThat(sourcePorts).as("one event per connection").hasSize(CONNECTIONS);
            assertThat(events).as("no extra events").isEmpty();
        }
        // everything went with the registry: the interface (and so its hooks) and the client cgroup
        // (rmdir succeeds only once the sock_ops link and the client processes are gone)
        assertThat(Proc.run("ip", "link", "show", edgeIface).ok()).isFalse();
        assertThat(Files.exists(cgroup)).isFalse();
    }
}
