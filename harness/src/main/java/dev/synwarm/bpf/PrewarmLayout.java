package dev.synwarm.bpf;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Mirrors bpf/prewarm.h and bpf/fnopt.h: program/map names, struct pw_event, the stats indices. */
final class PrewarmLayout {
    static final String OBJECT = "prewarm";
    static final String XDP_PROGRAM = "xdp_syn";
    static final String TC_PROGRAM = "tc_syn";
    static final String PORTS_MAP = "fn_ports";
    static final String EVENTS_MAP = "events";
    static final String STATS_MAP = "stats";
    static final String COOLDOWN = "cooldown_ns";

    static final int SRC_PORT = 1;
    static final int SRC_OPTION = 2;
    static final int HOOK_XDP = 1;
    static final int HOOK_TC = 2;
    static final int FAMILY_IPV4 = 4;
    static final int FAMILY_IPV6 = 6;
    static final int MAX_EXT_HDRS = 4;
    static final int MAX_L4_OFF = 1024;

    static final int OPT_KIND = 254;
    static final int OPT_KIND_ALT = 253;
    static final int OPT_LEN = 8;
    static final int OPT_EXID = 0xFAA5;

    // enum pw_stat
    static final int STAT_TOTAL = 0;
    static final int STAT_NOT_IP = 1;
    static final int STAT_MALFORMED = 2;
    static final int STAT_FRAGMENT = 3;
    static final int STAT_NOT_TCP = 4;
    static final int STAT_NOT_SYN = 5;
    static final int STAT_UNKNOWN_FN = 6;
    static final int STAT_EVENT_PORT = 7;
    static final int STAT_EVENT_OPTION = 8;
    static final int STAT_SUPPRESSED = 9;
    static final int STAT_RINGBUF_FULL = 10;
    static final int STAT_COUNT = 11;

    // struct pw_event
    static final int EVENT_SIZE = 40;
    private static final long FN_ID = 0;
    private static final long SOURCE = 4;
    private static final long FAMILY = 5;
    private static final long SPORT = 6;
    private static final long DPORT = 8;
    private static final long HOOK = 10;
    private static final long SUPPRESSED = 12;
    private static final long KTIME = 16;
    private static final long SADDR = 24;

    private PrewarmLayout() {}

    /** Decodes the pw_event at {@code off} in {@code m} (native byte order, as the kernel wrote it). */
    static SynEvent decode(MemorySegment m, long off, long receivedNs) {
        byte[] addr = new byte[m.get(JAVA_BYTE, off + FAMILY) == FAMILY_IPV6 ? 16 : 4];
        MemorySegment.copy(m, JAVA_BYTE, off + SADDR, addr, 0, addr.length);
        InetAddress saddr;
        try {
            saddr = InetAddress.getByAddress(addr);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // 4 or 16 bytes are always valid
        }
        return new SynEvent(
                m.get(JAVA_INT_UNALIGNED, off + FN_ID),
                m.get(JAVA_BYTE, off + SOURCE) == SRC_OPTION ? TriggerSource.OPTION : TriggerSource.PORT,
                saddr,
                Short.toUnsignedInt(m.get(JAVA_SHORT_UNALIGNED, off + SPORT)),
                Short.toUnsignedInt(m.get(JAVA_SHORT_UNALIGNED, off + DPORT)),
                m.get(JAVA_LONG_UNALIGNED, off + KTIME),
                receivedNs,
                m.get(JAVA_SHORT_UNALIGNED, off + HOOK) == HOOK_TC ? AttachMode.TC : AttachMode.XDP,
                Integer.toUnsignedLong(m.get(JAVA_INT_UNALIGNED, off + SUPPRESSED)));
    }

    /** Writes a pw_event (for the consumer's JIT warm-up and ring tests). */
    static void encode(MemorySegment m, long off, int fnId, int source, byte[] saddr, int sport, int dport,
                       int hook, int suppressed, long ktimeNs) {
        m.asSlice(off, EVENT_SIZE).fill((byte) 0);
        m.set(JAVA_INT_UNALIGNED, off + FN_ID, fnId);
        m.set(JAVA_BYTE, off + SOURCE, (byte) source);
        m.set(JAVA_BYTE, off + FAMILY, (byte) (saddr.length == 16 ? FAMILY_IPV6 : FAMILY_IPV4));
        m.set(JAVA_SHORT_UNALIGNED, off + SPORT, (short) sport);
        m.set(JAVA_SHORT_UNALIGNED, off + DPORT, (short) dport);
        m.set(JAVA_SHORT_UNALIGNED, off + HOOK, (short) hook);
        m.set(JAVA_INT_UNALIGNED, off + SUPPRESSED, suppressed);
        m.set(JAVA_LONG_UNALIGNED, off + KTIME, ktimeNs);
        MemorySegment.copy(saddr, 0, m, JAVA_BYTE, off + SADDR, saddr.length);
    }
}
