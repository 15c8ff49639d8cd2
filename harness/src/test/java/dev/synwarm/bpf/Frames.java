package dev.synwarm.bpf;

import java.io.ByteArrayOutputStream;

/** Builds Ethernet frames for the parser tests (checksums are left zero: the parser ignores them). */
final class Frames {
    static final int ETH_IPV4 = 0x0800;
    static final int ETH_IPV6 = 0x86DD;
    static final int ETH_ARP = 0x0806;
    static final int PROTO_TCP = 6;
    static final int PROTO_UDP = 17;
    static final int NH_HOP = 0;
    static final int NH_ROUTING = 43;
    static final int NH_FRAGMENT = 44;
    static final int NH_DEST = 60;
    static final int NH_NONE = 59;
    static final int SYN = 0x02;
    static final int ACK = 0x10;
    static final int RST = 0x04;
    static final int FIN = 0x01;
    static final byte[] CLIENT4 = {10, 77, 9, 2};
    static final byte[] EDGE4 = {10, 77, 9, 1};
    static final byte[] CLIENT6 = {(byte) 0xfd, 0x77, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
    static final byte[] EDGE6 = {(byte) 0xfd, 0x77, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private Frames() {}

    static byte[] eth(int ethertype, byte[] payload) {
        byte[] f = new byte[14 + payload.length];
        for (int i = 0; i < 6; i++) {
            f[i] = (byte) (0x02 + i);     // dst
            f[6 + i] = (byte) (0x12 + i); // src
        }
        f[12] = (byte) (ethertype >> 8);
        f[13] = (byte) ethertype;
        System.arraycopy(payload, 0, f, 14, payload.length);
        return f;
    }

    static byte[] ipv4(int proto, int fragField, byte[] payload) {
        return ipv4(5, proto, fragField, CLIENT4, payload);
    }

    /** IPv4 header with {@code ihl} words (options zero-filled); fragField = flags|offset as on the wire. */
    static byte[] ipv4(int ihl, int proto, int fragField, byte[] src, byte[] payload) {
        int hl = Math.max(ihl, 5) * 4;
        byte[] p = new byte[hl + payload.length];
        p[0] = (byte) (0x40 | (ihl & 0xf));
        int total = p.length;
        p[2] = (byte) (total >> 8);
        p[3] = (byte) total;
        p[6] = (byte) (fragField >> 8);
        p[7] = (byte) fragField;
        p[8] = 64;
        p[9] = (byte) proto;
        System.arraycopy(src, 0, p, 12, 4);
        System.arraycopy(EDGE4, 0, p, 16, 4);
        System.arraycopy(payload, 0, p, hl, payload.length);
        return p;
    }

    static byte[] ipv6(int nextHeader, byte[] payload) {
        byte[] p = new byte[40 + payload.length];
        p[0] = 0x60;
        p[4] = (byte) (payload.length >> 8);
        p[5] = (byte) payload.length;
        p[6] = (byte) nextHeader;
        p[7] = 64;
        System.arraycopy(CLIENT6, 0, p, 8, 16);
        System.arraycopy(EDGE6, 0, p, 24, 16);
        System.arraycopy(payload, 0, p, 40, payload.length);
        return p;
    }

    /** An IPv6 extension header of (lenUnits+1)*8 bytes in front of {@code payload}. */
    static byte[] ext(int nextHeader, int lenUnits, byte[] payload) {
        int n = (lenUnits + 1) * 8;
        byte[] p = new byte[n + payload.length];
        p[0] = (byte) nextHeader;
        p[1] = (byte) lenUnits;
        System.arraycopy(payload, 0, p, n, payload.length);
        return p;
    }

    /** TCP header with {@code options} padded with EOL to a multiple of 4; doff from the length. */
    static byte[] tcp(int sport, int dport, int flags, byte[] options) {
        int optLen = (options.length + 3) & ~3;
        return tcp(sport, dport, flags, options, 5 + optLen / 4);
    }

    static byte[] tcp(int sport, int dport, int flags, byte[] options, int doffWords) {
        int optLen = (options.length + 3) & ~3;
        byte[] t = new byte[20 + optLen];
        t[0] = (byte) (sport >> 8);
        t[1] = (byte) sport;
        t[2] = (byte) (dport >> 8);
        t[3] = (byte) dport;
        t[7] = 1; // seq
        t[12] = (byte) ((doffWords & 0xf) << 4);
        t[13] = (byte) flags;
        t[14] = (byte) 0xfa;
        System.arraycopy(options, 0, t, 20, options.length);
        return t;
    }

    static byte[] fnOption(int kind, int exid, int fnId) {
        return new byte[] {(byte) kind, 8, (byte) (exid >> 8), (byte) exid,
            (byte) (fnId >>> 24), (byte) (fnId >>> 16), (byte) (fnId >>> 8), (byte) fnId};
    }

    static byte[] fnOption(int fnId) {
        return fnOption(PrewarmLayout.OPT_KIND, PrewarmLayout.OPT_EXID, fnId);
    }

    /** The options Linux puts in a SYN: MSS, SACK-permitted, timestamps, NOP, window scale. */
    static byte[] linuxSynOptions() {
        return new byte[] {2, 4, 0x05, (byte) 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    static byte[] syn4(int dport, byte[] options) {
        return eth(ETH_IPV4, ipv4(PROTO_TCP, 0x4000 /* DF */, tcp(40000, dport, SYN, options)));
    }

    static byte[] syn6(int dport, byte[] options) {
        return eth(ETH_IPV6, ipv6(PROTO_TCP, tcp(40000, dport, SYN, options)));
    }
}
