package dev.synwarm.net;

import java.util.HexFormat;
import java.util.Optional;

/**
 * One IPv4 TCP frame that {@link LinkTap} saw on an end of the emulated link: at which end, whether it
 * entered the link there (from the host behind that end) or left it (forwarded by the emulator), when
 * (the kernel's timestamp, CLOCK_REALTIME ns) and what it is. The emulator forwards frames unchanged, so
 * equal {@code key}s (the IP and TCP headers, which carry the IP id, sequence numbers and TCP timestamps)
 * entering at one end and leaving at the other are one frame's passage.
 */
record WireFrame(boolean clientEnd, boolean entering, long timeNs, String key, int clientPort, int tcpFlags,
        long seq, int payloadBytes) {
    static final int SYN = 0x02, ACK = 0x10;
    private static final int ETH_HLEN = 14, ETH_P_IP = 0x0800, IPPROTO_TCP = 6;
    private static final HexFormat HEX = HexFormat.of();

    /** Whether the frame travels from the client towards the edge. */
    boolean towardsEdge() {
        return clientEnd == entering;
    }

    boolean isSyn() {
        return (tcpFlags & (SYN | ACK)) == SYN;
    }

    boolean isSynAck() {
        return (tcpFlags & (SYN | ACK)) == (SYN | ACK);
    }

    /**
     * Reads an Ethernet frame of {@code length} bytes; empty unless it is IPv4 TCP with complete headers.
     * {@code outgoing} is the capture socket's view: sent through the interface, i.e. leaving the link.
     */
    static Optional<WireFrame> parse(byte[] f, int length, boolean clientEnd, boolean outgoing, long timeNs) {
        if (length < ETH_HLEN + 20 || u16(f, 12) != ETH_P_IP || (f[ETH_HLEN] & 0xf0) != 0x40
                || (f[ETH_HLEN + 9] & 0xff) != IPPROTO_TCP) {
            return Optional.empty();
        }
        int ihl = (f[ETH_HLEN] & 0x0f) * 4;
        int tcp = ETH_HLEN + ihl;
        if (ihl < 20 || length < tcp + 20) {
            return Optional.empty();
        }
        int doff = ((f[tcp + 12] & 0xf0) >> 4) * 4;
        int totalLength = u16(f, ETH_HLEN + 2);
        if (doff < 20 || length < tcp + doff || totalLength < ihl + doff) {
            return Optional.empty();
        }
        boolean entering = !outgoing;
        boolean towardsEdge = clientEnd == entering;
        int clientPort = towardsEdge ? u16(f, tcp) : u16(f, tcp + 2);
        long seq = Integer.toUnsignedLong(((f[tcp + 4] & 0xff) << 24) | ((f[tcp + 5] & 0xff) << 16)
                | ((f[tcp + 6] & 0xff) << 8) | (f[tcp + 7] & 0xff));
        String key = HEX.formatHex(f, ETH_HLEN, tcp + doff);
        return Optional.of(new WireFrame(clientEnd, entering, timeNs, key, clientPort, f[tcp + 13] & 0xff, seq,
                totalLength - ihl - doff));
    }

    private static int u16(byte[] f, int at) {
        return ((f[at] & 0xff) << 8) | (f[at + 1] & 0xff);
    }
}
