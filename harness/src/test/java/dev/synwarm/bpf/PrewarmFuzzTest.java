package dev.synwarm.bpf;

import static dev.synwarm.bpf.Frames.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.testing.Requires;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds the in-kernel parser ≥ 100,000 seeded frames through BPF_PROG_TEST_RUN and compares every one
 * with {@link ReferenceParser}: same outcome counter, the same event (or none), and the frame passed
 * unmodified. XDP sees every frame, TC every fourth (they share the parser; TC's test run is slower).
 */
class PrewarmFuzzTest {
    static final long SEED = 0x5EED_F00DL;
    static final int FRAMES = 100_000;
    static final Map<Integer, Integer> PORTS = Map.of(8080, 7, 443, 9, 5000, 0x7fffffff);
    static final int[] OPTION_KINDS = {0, 1, 2, 3, 4, 8, 30, 34, 253, 254, 255};

    private final SplittableRandom rnd = new SplittableRandom(SEED);
    private final ReferenceParser reference = new ReferenceParser(PORTS);

    @Test
    void kernelParserAgreesWithTheReferenceOnEveryFrame() throws Exception {
        Requires.bpf();
        List<String> disagreements = new ArrayList<>();
        int[] outcomes = new int[PrewarmLayout.STAT_COUNT];
        long events = 0;
        long ran = 0;
        try (ParserRig rig = new ParserRig(Duration.ZERO)) {
            PORTS.forEach(rig.ports::put);
            FrameSource source = new FrameSource();
            for (int i = 0; i < FRAMES; i++) {
                byte[] frame = source.next();
                ReferenceParser.Verdict want = reference.classify(frame);
                for (AttachMode hook : i % 4 == 0 ? AttachMode.values() : new AttachMode[] {AttachMode.XDP}) {
                    String problem = compare(rig, hook, frame, want);
                    ran++;
                    if (problem != null && disagreements.size() < 20) {
                        disagreements.add("frame " + i + " " + hook + ": " + problem + " frame=" + hex(frame));
                    }
                }
                outcomes[want.outcome()]++;
                events += want.isEvent() ? 1 : 0;
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(ran).isGreaterThanOrEqualTo(FRAMES);
        // the generator must reach every outcome the parser has (except the cooldown and a full ring)
        for (int o = PrewarmLayout.STAT_NOT_IP; o <= PrewarmLayout.STAT_EVENT_OPTION; o++) {
            assertThat(outcomes[o]).as("frames with outcome %d", o).isGreaterThan(100);
        }
        assertThat(events).as("events among %s", Arrays.toString(outcomes)).isGreaterThan(FRAMES / 40);
    }

    /** Null when the kernel did what the reference says, else what differed. */
    static String compare(ParserRig rig, AttachMode hook, byte[] frame, ReferenceParser.Verdict want) throws Exception {
        ParserRig.Outcome got = rig.run(hook, frame);
        if (!ParserRig.kernelRuns(hook, frame)) {
            return got.result().rc() == -22 && got.delta().frames() == 0 ? null : "expected EINVAL, got " + got.result();
        }
        if (got.result().rc() != 0) {
            return "test run failed rc=" + got.result().rc();
        }
        if (got.result().retval() != ParserRig.passVerdict(hook)) {
            return "verdict " + got.result().retval();
        }
        if (!Arrays.equals(got.result().dataOut(), frame)) {
            return "frame modified";
        }
        int outcome = ParserRig.outcomeOf(got.delta());
        if (outcome != want.outcome()) {
            return "outcome " + outcome + " (" + got.delta() + "), reference " + want;
        }
        if (got.events().size() != (want.isEvent() ? 1 : 0)) {
            return got.events().size() + " events, reference " + want;
        }
        if (want.isEvent()) {
            SynEvent e = got.events().getFirst();
            if (e.fnId() != want.fnId() || e.source() != want.source() || e.sport() != want.sport()
                    || e.dport() != want.dport() || !e.saddr().equals(InetAddress.getByAddress(want.saddr()))
                    || e.hook() != hook) {
                return "event " + e + ", reference " + want;
            }
        }
        return null;
    }

    /** Seeded frame generator: a mix of well-formed SYNs and everything near them. */
    final class FrameSource {
        private final List<byte[]> pending = new ArrayList<>();

        byte[] next() {
            if (!pending.isEmpty()) {
                return pending.removeLast();
            }
            int kind = rnd.nextInt(100);
            if (kind < 25) {
                return validSyn();
            } else if (kind < 35) {
                byte[] base = validSyn();
                for (int cut = 0; cut < base.length; cut++) {  // every truncation
                    pending.add(Arrays.copyOf(base, cut));
                }
                return base;
            } else if (kind < 55) {
                return mutate(validSyn());
            } else if (kind < 70) {
                return ipv6WithExtensions();
            } else if (kind < 80) {
                return tcpWithFlags();
            } else {
                return randomBytes();
            }
        }

        byte[] validSyn() {
            byte[] opts = options();
            int dport = pickPort();
            byte[] seg = tcp(rnd.nextInt(1, 65536), dport, SYN | (rnd.nextInt(8) == 0 ? 0x08 : 0), opts);
            if (rnd.nextBoolean()) {
                byte[] src = {10, 77, (byte) rnd.nextInt(256), (byte) rnd.nextInt(256)};
                int ihl = rnd.nextInt(6) == 0 ? rnd.nextInt(5, 16) : 5;
                return eth(ETH_IPV4, ipv4(ihl, PROTO_TCP, rnd.nextBoolean() ? 0x4000 : 0, src, seg));
            }
            return eth(ETH_IPV6, ipv6(PROTO_TCP, seg));
        }

        int pickPort() {
            return switch (rnd.nextInt(5)) {
                case 0 -> 8080;
                case 1 -> 443;
                case 2 -> 5000;
                default -> rnd.nextInt(1, 65536);
            };
        }

        /** 0–40 bytes of options: real ones, ours (right or subtly wrong), NOPs, EOL, bad lengths. */
        byte[] options() {
            byte[] out = new byte[rnd.nextInt(41)];
            int off = 0;
            while (off < out.length) {
                int pick = rnd.nextInt(10);
                byte[] o;
                if (pick < 3) {
                    int kind = rnd.nextInt(4) == 0 ? 253 : 254;
                    int exid = rnd.nextInt(4) == 0 ? rnd.nextInt(65536) : PrewarmLayout.OPT_EXID;
                    o = fnOption(kind, exid, rnd.nextInt());
                    if (rnd.nextInt(6) == 0) {
                        o[1] = (byte) rnd.nextInt(12); // wrong length
                    }
                } else if (pick < 5) {
                    o = new byte[] {1};
                } else if (pick < 6) {
                    o = new byte[] {(byte) OPTION_KINDS[rnd.nextInt(OPTION_KINDS.length)], (byte) rnd.nextInt(256)};
                } else {
                    o = linuxSynOptions();
                }
                int n = Math.min(o.length, out.length - off);
                System.arraycopy(o, 0, out, off, n);
                off += n;
            }
            return out;
        }

        byte[] mutate(byte[] f) {
            int flips = rnd.nextInt(1, 6);
            for (int i = 0; i < flips; i++) {
                int at = rnd.nextInt(f.length);
                f[at] = rnd.nextInt(3) == 0 ? (byte) rnd.nextInt(256) : (byte) (f[at] ^ (1 << rnd.nextInt(8)));
            }
            return f;
        }

        byte[] ipv6WithExtensions() {
            int[] kinds = {NH_HOP, NH_ROUTING, NH_DEST, NH_FRAGMENT, PROTO_TCP, PROTO_UDP, NH_NONE};
            int count = rnd.nextInt(7);
            int[] chain = new int[count + 1];
            for (int i = 0; i < count; i++) {
                chain[i] = kinds[rnd.nextInt(3)];
                if (rnd.nextInt(12) == 0) {
                    chain[i] = kinds[rnd.nextInt(kinds.length)];
                }
            }
            chain[count] = rnd.nextInt(8) == 0 ? kinds[rnd.nextInt(kinds.length)] : PROTO_TCP;
            byte[] payload = tcp(rnd.nextInt(1, 65536), pickPort(), SYN, options());
            for (int i = count - 1; i >= 0; i--) {
                payload = ext(chain[i + 1], rnd.nextInt(4) == 0 ? rnd.nextInt(256) : rnd.nextInt(3), payload);
            }
            byte[] f = eth(ETH_IPV6, ipv6(count > 0 ? chain[0] : chain[count], payload));
            return f.length > ProgramTestRun.MAX_FRAME ? Arrays.copyOf(f, ProgramTestRun.MAX_FRAME) : f;
        }

        byte[] tcpWithFlags() {
            byte[] seg = tcp(rnd.nextInt(1, 65536), pickPort(), rnd.nextInt(256), options(), rnd.nextInt(16));
            return rnd.nextBoolean() ? eth(ETH_IPV4, ipv4(PROTO_TCP, rnd.nextInt(8) == 0 ? rnd.nextInt(65536) : 0, seg))
                    : eth(ETH_IPV6, ipv6(PROTO_TCP, seg));
        }

        byte[] randomBytes() {
            byte[] f = new byte[rnd.nextInt(0, 200)];
            rnd.nextBytes(f);
            if (f.length >= 14 && rnd.nextInt(3) > 0) {
                int type = rnd.nextBoolean() ? ETH_IPV4 : ETH_IPV6;
                f[12] = (byte) (type >> 8);
                f[13] = (byte) type;
                if (f.length > 14) {
                    f[14] = (byte) ((type == ETH_IPV4 ? 0x40 : 0x60) | (f[14] & 0x0f));
                }
            }
            return f;
        }
    }

    static String hex(byte[] f) {
        StringBuilder sb = new StringBuilder();
        for (byte b : f) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }
}
