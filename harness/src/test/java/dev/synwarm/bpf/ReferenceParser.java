package dev.synwarm.bpf;

import java.util.Arrays;
import java.util.Map;

/**
 * The parser of prewarm.bpf.c written again, plainly, in Java: the fuzzer's oracle. Same rules, same
 * order of checks, same outcome per frame (with the cooldown off).
 */
final class ReferenceParser {
    /** Outcome index (PrewarmLayout.STAT_*) and, for events, what the event must say. */
    record Verdict(int outcome, int fnId, TriggerSource source, byte[] saddr, int sport, int dport) {
        boolean isEvent() {
            return outcome == PrewarmLayout.STAT_EVENT_PORT || outcome == PrewarmLayout.STAT_EVENT_OPTION;
        }

        @Override
        public String toString() {
            return "Verdict[outcome=" + outcome + (isEvent() ? ", fn=" + fnId + ", " + source + ", saddr="
                    + Arrays.toString(saddr) + ", " + sport + "->" + dport : "") + "]";
        }
    }

    private final Map<Integer, Integer> ports;

    ReferenceParser(Map<Integer, Integer> ports) {
        this.ports = ports;
    }

    private static Verdict only(int outcome) {
        return new Verdict(outcome, 0, null, null, 0, 0);
    }

    private static int u8(byte[] f, int i) {
        return f[i] & 0xff;
    }

    private static int u16(byte[] f, int i) {
        return (u8(f, i) << 8) | u8(f, i + 1);
    }

    Verdict classify(byte[] f) {
        int n = f.length;
        if (n < 14) {
            return only(PrewarmLayout.STAT_NOT_IP);
        }
        int type = u16(f, 12);
        int l4;
        byte[] saddr;
        if (type == 0x0800) {
            if (n < 14 + 20) {
                return only(PrewarmLayout.STAT_MALFORMED);
            }
            int version = u8(f, 14) >> 4;
            int ihl = u8(f, 14) & 0xf;
            if (version != 4 || ihl < 5) {
                return only(PrewarmLayout.STAT_MALFORMED);
            }
            if ((u16(f, 20) & 0x3fff) != 0) {
                return only(PrewarmLayout.STAT_FRAGMENT);
            }
            if (u8(f, 23) != 6) {
                return only(PrewarmLayout.STAT_NOT_TCP);
            }
            saddr = Arrays.copyOfRange(f, 26, 30);
            l4 = 14 + ihl * 4;
        } else if (type == 0x86DD) {
            if (n < 14 + 40) {
                return only(PrewarmLayout.STAT_MALFORMED);
            }
            if (u8(f, 14) >> 4 != 6) {
                return only(PrewarmLayout.STAT_MALFORMED);
            }
            int nh = u8(f, 20);
            int off = 54;
            for (int i = 0; i < PrewarmLayout.MAX_EXT_HDRS; i++) {
                if (nh != 0 && nh != 43 && nh != 60) {
                    break;
                }
                if (off + 2 > n) {
                    return only(PrewarmLayout.STAT_MALFORMED);
                }
                nh = u8(f, off);
                off += (u8(f, off + 1) + 1) * 8;
                if (off > PrewarmLayout.MAX_L4_OFF) {
                    return only(PrewarmLayout.STAT_MALFORMED);
                }
            }
            if (nh == 44) {
                return only(PrewarmLayout.STAT_FRAGMENT);
            }
            if (nh != 6) {
                return only(PrewarmLayout.STAT_NOT_TCP);
            }
            saddr = Arrays.copyOfRange(f, 22, 38);
            l4 = off;
        } else {
            return only(PrewarmLayout.STAT_NOT_IP);
        }
        if (l4 + 20 > n) {
            return only(PrewarmLayout.STAT_MALFORMED);
        }
        int flags = u8(f, l4 + 13);
        if ((flags & 0x02) == 0 || (flags & 0x10) != 0) {
            return only(PrewarmLayout.STAT_NOT_SYN);
        }
        int doff = (u8(f, l4 + 12) >> 4) * 4;
        if (doff < 20 || l4 + doff > n) {
            return only(PrewarmLayout.STAT_MALFORMED);
        }
        int sport = u16(f, l4);
        int dport = u16(f, l4 + 2);
        Integer optionFn = findOption(Arrays.copyOfRange(f, l4 + 20, l4 + doff));
        if (optionFn != null) {
            return new Verdict(PrewarmLayout.STAT_EVENT_OPTION, optionFn, TriggerSource.OPTION, saddr, sport, dport);
        }
        Integer portFn = ports.get(dport);
        if (portFn == null) {
            return only(PrewarmLayout.STAT_UNKNOWN_FN);
        }
        return new Verdict(PrewarmLayout.STAT_EVENT_PORT, portFn, TriggerSource.PORT, saddr, sport, dport);
    }

    /** The fnid option's id, or null: EOL or an invalid length ends the walk. */
    static Integer findOption(byte[] opt) {
        int off = 0;
        while (off < opt.length) {
            int kind = u8(opt, off);
            if (kind == 0) {
                return null;
            }
            if (kind == 1) {
                off++;
                continue;
            }
            int len = off + 1 < opt.length ? u8(opt, off + 1) : 0;
            if (len < 2 || off + len > opt.length) {
                return null;
            }
            if ((kind == PrewarmLayout.OPT_KIND || kind == PrewarmLayout.OPT_KIND_ALT) && len == PrewarmLayout.OPT_LEN
                    && u16(opt, off + 2) == PrewarmLayout.OPT_EXID) {
                return (u8(opt, off + 4) << 24) | (u8(opt, off + 5) << 16) | (u8(opt, off + 6) << 8) | u8(opt, off + 7);
            }
            off += len;
        }
        return null;
    }
}
