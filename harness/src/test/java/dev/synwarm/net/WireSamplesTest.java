package dev.synwarm.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The link's share of calibrate's exchanges, from synthetic frames seen at both ends of the link: each
 * frame enters at one end and (unless lost) leaves at the other {@code ONE_WAY} later.
 */
class WireSamplesTest {
    private static final long MS = 1_000_000;
    private static final long ONE_WAY = 10 * MS;
    private static final int SERVER_PORT = 7000;
    private static final int SYN = 0x02, ACK = 0x10, PSH = 0x08;

    private final List<WireFrame> frames = new ArrayList<>();
    private int ipId;

    @Test
    void readsIpv4TcpFramesAndSkipsEverythingElse() {
        byte[] f = frame(40_001, true, SYN, 12345, 0);
        WireFrame w = WireFrame.parse(f, f.length, true, false, 99).orElseThrow();
        assertThat(w.towardsEdge()).isTrue();
        assertThat(w.clientPort()).isEqualTo(40_001);
        assertThat(w.isSyn()).isTrue();
        assertThat(w.seq()).isEqualTo(12345);
        assertThat(w.payloadBytes()).isZero();
        assertThat(w.timeNs()).isEqualTo(99);

        byte[] back = frame(40_001, false, PSH | ACK, 7, 64);
        WireFrame b = WireFrame.parse(back, back.length, true, true, 5).orElseThrow();
        assertThat(b.towardsEdge()).isFalse(); // leaving the link at the client end
        assertThat(b.clientPort()).isEqualTo(40_001);
        assertThat(b.payloadBytes()).isEqualTo(64);

        byte[] arp = f.clone();
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertThat(WireFrame.parse(arp, arp.length, true, false, 1)).isEmpty();
        byte[] udp = f.clone();
        udp[14 + 9] = 17;
        assertThat(WireFrame.parse(udp, udp.length, true, false, 1)).isEmpty();
        assertThat(WireFrame.parse(f, 30, true, false, 1)).isEmpty();
    }

    @Test
    void connectIsTheSynsAndSynAcksPassageAndRrTheRequestsAndResponsesAfterTheWarmUp() {
        // schedule: 2 client waits, 1 warm-up round, rr chunks of 2 rounds
        long t = 0;
        int port = 40_000;
        for (int round = 0; round < 2; round++) {
            for (int wait = 0; wait < 2; wait++) {
                long extra = round * 100_000L + wait * 10_000L; // the SYN-ACK's passage differs per connection
                handshake(++port, t, extra);
                t += 100 * MS;
            }
        }
        for (int wait = 0; wait < 2; wait++) {
            handshake(++port, t, 0);
            for (int e = 0; e < 3; e++) { // hello, round 0 (warm-up), round 1
                t += 100 * MS;
                long seq = 1000 + 64L * e;
                pass(frame(port, true, PSH | ACK, seq, 64), t, ONE_WAY + e * 1000L);
                pass(frame(port, false, PSH | ACK, 5000 + 64L * e, 64), t + ONE_WAY + 300_000, ONE_WAY + 7000);
            }
            t += 100 * MS;
        }

        WireSamples.Samples s = WireSamples.of(frames, 1, 2, 2);

        assertThat(s.connectMs()).containsExactly(20.1, 20.11); // round 1 only: +0.100 and +0.110 ms
        assertThat(s.rrMs()).containsExactly(20.009, 20.009); // round 1's request (+2 µs) and response (+7 µs)
    }

    @Test
    void aLostSynCountsOnceAndItsRetransmissionIsTheOneMeasured() {
        int port = 41_000;
        enter(frame(port, true, SYN, 77, 0), 0); // lost in the link
        pass(frame(port, true, SYN, 77, 0, 1), 1000 * MS, ONE_WAY + 50_000); // same ISN, new IP id
        pass(frame(port, false, SYN | ACK, 900, 0), 1000 * MS + ONE_WAY + 50_000, ONE_WAY);
        handshake(port + 1, 2000 * MS, 0); // a port reused later gets its own connection: new ISN
        handshake(port, 3000 * MS, 0);

        WireSamples.Samples s = WireSamples.of(frames, 0, 1, 10);

        assertThat(s.connectMs()).containsExactly(20.05, 20.0, 20.0);
        assertThat(WireSamples.passages(frames)).filteredOn(p -> !p.passed()).hasSize(1);
    }

    @Test
    void identicalFramesPairWithTheirOwnExitsInOrder() {
        byte[] f = frame(42_000, true, ACK, 1, 0);
        enter(f, 0);
        enter(f, MS);
        leave(f, ONE_WAY);
        leave(f, MS + ONE_WAY + 5);

        assertThat(WireSamples.passages(frames)).extracting(WireSamples.Passage::delayNs)
                .containsExactly(ONE_WAY, ONE_WAY + 5);
    }

    private void handshake(int port, long t, long synAckExtra) {
        long isn = 10_000L + port;
        pass(frame(port, true, SYN, isn, 0), t, ONE_WAY);
        pass(frame(port, false, SYN | ACK, 500, 0), t + ONE_WAY + 30_000, ONE_WAY + synAckExtra);
    }

    private void pass(byte[] f, long entered, long delay) {
        enter(f, entered);
        leave(f, entered + delay);
    }

    /** Enters at the sender's end: the client's for frames towards the edge. */
    private void enter(byte[] f, long at) {
        boolean towardsEdge = (f[14 + 12 + 3] & 0xff) == 1; // source address 10.77.1.1: the client
        frames.add(WireFrame.parse(f, f.length, towardsEdge, false, at).orElseThrow());
    }

    private void leave(byte[] f, long at) {
        boolean towardsEdge = (f[14 + 12 + 3] & 0xff) == 1;
        frames.add(WireFrame.parse(f, f.length, !towardsEdge, true, at).orElseThrow());
    }

    private byte[] frame(int clientPort, boolean towardsEdge, int flags, long seq, int payload) {
        return frame(clientPort, towardsEdge, flags, seq, payload, 0);
    }

    /** Ethernet + IPv4 (20 bytes) + TCP (20 bytes) + payload; each frame gets its own IP id. */
    private byte[] frame(int clientPort, boolean towardsEdge, int flags, long seq, int payload, int idBump) {
        byte[] f = new byte[14 + 20 + 20 + payload];
        f[12] = 0x08;
        f[13] = 0x00;
        int ip = 14;
        f[ip] = 0x45;
        int total = 40 + payload;
        f[ip + 2] = (byte) (total >> 8);
        f[ip + 3] = (byte) total;
        int id = ++ipId + idBump;
        f[ip + 4] = (byte) (id >> 8);
        f[ip + 5] = (byte) id;
        f[ip + 8] = 64;
        f[ip + 9] = 6;
        byte[] client = {10, 77, 1, 1};
        byte[] edge = {10, 77, 1, 2};
        System.arraycopy(towardsEdge ? client : edge, 0, f, ip + 12, 4);
        System.arraycopy(towardsEdge ? edge : client, 0, f, ip + 16, 4);
        int tcp = ip + 20;
        int src = towardsEdge ? clientPort : SERVER_PORT;
        int dst = towardsEdge ? SERVER_PORT : clientPort;
        f[tcp] = (byte) (src >> 8);
        f[tcp + 1] = (byte) src;
        f[tcp + 2] = (byte) (dst >> 8);
        f[tcp + 3] = (byte) dst;
        for (int i = 0; i < 4; i++) {
            f[tcp + 4 + i] = (byte) (seq >> (24 - 8 * i));
        }
        f[tcp + 12] = 0x50;
        f[tcp + 13] = (byte) flags;
        return f;
    }
}
