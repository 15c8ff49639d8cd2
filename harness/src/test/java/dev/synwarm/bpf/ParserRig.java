package dev.synwarm.bpf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** prewarm.bpf.o loaded (not attached), its programs run on frames through BPF_PROG_TEST_RUN. */
final class ParserRig implements AutoCloseable {
    static final int XDP_PASS = 2;
    static final int TC_ACT_OK = 0;

    /** What one frame did: the syscall result, the counters it moved, the events it sent. */
    record Outcome(ProgramTestRun.Result result, ProbeStats delta, List<SynEvent> events) {}

    private final CloseStack closer = new CloseStack();
    private final ProgramTestRun xdp;
    private final ProgramTestRun tc;
    private final StatsCounters stats;
    private final RingBuffer ring;
    final PortTable ports;

    ParserRig(Duration cooldown) {
        try {
            BpfObject obj = closer.push(BpfObject.open(PrewarmLayout.OBJECT));
            obj.setConstant(PrewarmLayout.COOLDOWN, cooldown.toNanos());
            obj.load();
            xdp = closer.push(new ProgramTestRun(obj.program(PrewarmLayout.XDP_PROGRAM)));
            tc = closer.push(new ProgramTestRun(obj.program(PrewarmLayout.TC_PROGRAM)));
            stats = closer.push(new StatsCounters(obj.map(PrewarmLayout.STATS_MAP)));
            ring = closer.push(new RingBuffer(obj.map(PrewarmLayout.EVENTS_MAP)));
            ports = new PortTable(obj.map(PrewarmLayout.PORTS_MAP));
        } catch (RuntimeException e) {
            closer.close();
            throw e;
        }
    }

    Outcome run(AttachMode hook, byte[] frame) {
        ProbeStats before = stats.snapshot();
        ProgramTestRun.Result r = (hook == AttachMode.XDP ? xdp : tc).run(frame);
        ProbeStats delta = stats.snapshot().minus(before);
        List<SynEvent> events = new ArrayList<>();
        ring.drain((data, off, len) -> events.add(PrewarmLayout.decode(data, off, System.nanoTime())));
        return new Outcome(r, delta, events);
    }

    /**
     * Whether BPF_PROG_TEST_RUN runs the program on {@code frame} at all: every test run needs an Ethernet
     * header, and the skb (TC) one also a whole IPv4/IPv6 header when the EtherType says IP (it refuses
     * with EINVAL before the program runs; seen on 6.18).
     */
    static boolean kernelRuns(AttachMode hook, byte[] frame) {
        if (frame.length < 14) {
            return false;
        }
        int type = ((frame[12] & 0xff) << 8) | (frame[13] & 0xff);
        return hook == AttachMode.XDP
                || !(type == 0x0800 && frame.length < 14 + 20 || type == 0x86DD && frame.length < 14 + 40);
    }

    static int passVerdict(AttachMode hook) {
        return hook == AttachMode.XDP ? XDP_PASS : TC_ACT_OK;
    }

    /** The single outcome counter (STAT_*) a frame moved besides TOTAL, or -1 when not exactly one. */
    static int outcomeOf(ProbeStats d) {
        long[] c = {d.frames(), d.notIp(), d.malformed(), d.fragments(), d.notTcp(), d.notSyn(), d.unknownFunction(),
            d.eventsByPort(), d.eventsByOption(), d.suppressed(), d.ringBufferFull()};
        if (c[0] != 1) {
            return -1;
        }
        int found = -1;
        for (int i = 1; i < c.length; i++) {
            if (c[i] == 1 && found < 0) {
                found = i;
            } else if (c[i] != 0) {
                return -1;
            }
        }
        return found;
    }

    @Override
    public void close() {
        closer.close();
    }
}
