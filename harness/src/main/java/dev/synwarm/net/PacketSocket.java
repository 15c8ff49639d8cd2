package dev.synwarm.net;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.synwarm.sys.SystemException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An AF_PACKET socket bound to one interface (libc through FFM, x86_64/aarch64 Linux layouts), set up as
 * the delay line needs it: every frame of the interface with a 10-byte virtio-net header in front
 * (PACKET_VNET_HDR: GSO super-frames and partial checksums pass through unchanged, so veth's tx checksum
 * offload does not make the receiver drop every SYN), no copies of our own transmissions
 * (PACKET_IGNORE_OUTGOING), an 8 MB receive buffer and kernel receive timestamps (SO_TIMESTAMPNS).
 * Receiving and sending each happen on one thread with its own {@link Receiver} / {@link Sender}. A
 * {@link #capture} socket only watches: plain frames in both directions, for {@link LinkTap}.
 */
final class PacketSocket implements AutoCloseable {
    static final int VNET_HDR_LEN = 10;
    static final int MAX_FRAME = VNET_HDR_LEN + 65_536 + 64;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPT = Linker.Option.captureCallState("errno");

    private static final MethodHandle SOCKET = libc("socket",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle BIND = libc("bind",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle SETSOCKOPT = libc("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle GETSOCKOPT = libc("getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), ERRNO_OPT);
    private static final MethodHandle IF_NAMETOINDEX = libc("if_nametoindex",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle RECVMSG = libc("recvmsg",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle SEND = libc("send",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), ERRNO_OPT);
    private static final MethodHandle CLOSE = libc("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle CLOCK_GETTIME = libc("clock_gettime",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), Linker.Option.critical(false));

    private static final int AF_PACKET = 17, SOCK_RAW = 3, ETH_P_ALL = 3;
    private static final int SOL_SOCKET = 1, SO_RCVTIMEO = 20, SO_SNDBUFFORCE = 32, SO_RCVBUFFORCE = 33;
    private static final int SO_TIMESTAMPNS = 35;
    private static final int SOL_PACKET = 263, PACKET_STATISTICS = 6, PACKET_VNET_HDR = 15;
    private static final int PACKET_IGNORE_OUTGOING = 23, PACKET_OUTGOING = 4;
    private static final int SOCKADDR_LL_LEN = 20, CLOCK_REALTIME = 0;
    static final int EINTR = 4, EAGAIN = 11;
    private static final int BUFFER_BYTES = 8 << 20;

    private final String ifname;
    private final int fd;
    private final boolean capture;
    private volatile boolean closed;

    private PacketSocket(String ifname, int fd, boolean capture) {
        this.ifname = ifname;
        this.fd = fd;
        this.capture = capture;
    }

    /**
     * Opens and binds the socket. {@code receiveTimeout} bounds each {@link Receiver#receive} so a reader
     * can notice a stop request (recvmsg on AF_PACKET cannot be interrupted otherwise); idle cost is one
     * wake-up per timeout.
     */
    static PacketSocket open(String ifname, Duration receiveTimeout) {
        return open(ifname, receiveTimeout, false);
    }

    /**
     * Opens a socket that only watches: plain Ethernet frames (no virtio-net header), both the ones the
     * interface receives and the ones sent through it (each marked by {@link Receiver#outgoing}), with
     * kernel timestamps. For measuring a link from outside the process that forwards on it.
     */
    static PacketSocket capture(String ifname, Duration receiveTimeout) {
        return open(ifname, receiveTimeout, true);
    }

    private static PacketSocket open(String ifname, Duration receiveTimeout, boolean capture) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = a.allocate(CAPTURE);
            // protocol 0: nothing is queued before the bind restricts the socket to one interface
            int fd = (int) SOCKET.invokeExact(cap, AF_PACKET, SOCK_RAW, 0);
            check(fd, cap, "socket(AF_PACKET) for " + ifname + " (needs CAP_NET_RAW)");
            PacketSocket s = new PacketSocket(ifname, fd, capture);
            try {
                if (!capture) {
                    s.setInt(a, cap, SOL_PACKET, PACKET_IGNORE_OUTGOING, 1);
                    s.setInt(a, cap, SOL_PACKET, PACKET_VNET_HDR, 1);
                }
                s.setInt(a, cap, SOL_SOCKET, SO_RCVBUFFORCE, BUFFER_BYTES);
                s.setInt(a, cap, SOL_SOCKET, SO_SNDBUFFORCE, BUFFER_BYTES);
                s.setInt(a, cap, SOL_SOCKET, SO_TIMESTAMPNS, 1);
                MemorySegment tv = a.allocate(16, 8);
                tv.set(JAVA_LONG, 0, receiveTimeout.toSeconds());
                tv.set(JAVA_LONG, 8, receiveTimeout.toNanosPart() / 1000);
                check((int) SETSOCKOPT.invokeExact(cap, fd, SOL_SOCKET, SO_RCVTIMEO, tv, 16), cap,
                        "setsockopt SO_RCVTIMEO");
                int ifindex = (int) IF_NAMETOINDEX.invokeExact(a.allocateFrom(ifname, StandardCharsets.US_ASCII));
                if (ifindex == 0) {
                    throw new SystemException("no network interface " + ifname);
                }
                MemorySegment sll = a.allocate(SOCKADDR_LL_LEN, 4);
                sll.set(JAVA_SHORT, 0, (short) AF_PACKET);
                sll.set(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2, (short) ETH_P_ALL);
                sll.set(JAVA_INT, 4, ifindex);
                check((int) BIND.invokeExact(cap, fd, sll, SOCKADDR_LL_LEN), cap, "bind AF_PACKET to " + ifname);
                return s;
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new SystemException("AF_PACKET socket on " + ifname + ": " + t, t);
        }
    }

    String ifname() {
        return ifname;
    }

    /** Kernel counters since the last call (reading resets them): frames seen and frames dropped. */
    record KernelStats(long packets, long drops) {}

    KernelStats kernelStats() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = a.allocate(CAPTURE);
            MemorySegment st = a.allocate(8, 4);
            MemorySegment len = a.allocateFrom(JAVA_INT, 8);
            check((int) GETSOCKOPT.invokeExact(cap, fd, SOL_PACKET, PACKET_STATISTICS, st, len), cap,
                    "getsockopt PACKET_STATISTICS on " + ifname);
            return new KernelStats(Integer.toUnsignedLong(st.get(JAVA_INT, 0)), Integer.toUnsignedLong(st.get(JAVA_INT, 4)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new SystemException("PACKET_STATISTICS: " + t, t);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            int rc = (int) CLOSE.invokeExact(fd);
        } catch (Throwable ignored) {
            // closing a socket cannot fail in a way we could act on
        }
    }

    /** Receives frames on one thread; its buffers live in that thread's arena. */
    final class Receiver {
        private final MemorySegment cap;
        private final MemorySegment buf;
        private final MemorySegment from;
        private final MemorySegment msg;
        private final MemorySegment ctl;
        private final MemorySegment ts;
        private long arrivalNs;
        private long kernelRealNs;
        private boolean outgoing;
        private int errno;

        Receiver(Arena arena) {
            cap = arena.allocate(CAPTURE);
            buf = arena.allocate(MAX_FRAME, 64);
            from = arena.allocate(SOCKADDR_LL_LEN, 8);
            ctl = arena.allocate(256, 8);
            ts = arena.allocate(16, 8);
            MemorySegment iov = arena.allocate(16, 8);
            iov.set(ADDRESS, 0, buf);
            iov.set(JAVA_LONG, 8, MAX_FRAME);
            msg = arena.allocate(56, 8); // struct msghdr
            msg.set(ADDRESS, 16, iov);
            msg.set(JAVA_LONG, 24, 1L);
        }

        /**
         * Blocks for the next incoming frame (virtio-net header included); returns its length, 0 for a frame
         * to skip, or -1 when the timeout passed or a signal interrupted. Fails when the interface is gone.
         */
        int receive() throws Throwable {
            msg.set(ADDRESS, 0, from);
            msg.set(JAVA_INT, 8, SOCKADDR_LL_LEN);
            msg.set(ADDRESS, 32, ctl);
            msg.set(JAVA_LONG, 40, 256L);
            msg.set(JAVA_INT, 48, 0);
            long n = (long) RECVMSG.invokeExact(cap, fd, msg, 0);
            // both clocks back to back, before anything else: a pause between them would age the frame
            int rc = (int) CLOCK_GETTIME.invokeExact(CLOCK_REALTIME, ts);
            long monoNow = System.nanoTime();
            long realNow = ts.get(JAVA_LONG, 0) * 1_000_000_000L + ts.get(JAVA_LONG, 8);
            if (n < 0) {
                errno = (int) ERRNO.get(cap, 0L);
                if (errno == EAGAIN || errno == EINTR) {
                    return -1;
                }
                throw new SystemException("recvmsg on " + ifname + " failed, errno " + errno);
            }
            outgoing = from.get(JAVA_BYTE, 10) == PACKET_OUTGOING;
            if (outgoing && !capture) {
                return 0;
            }
            kernelRealNs = kernelTimestamp();
            arrivalNs = monoNow - kernelAge(realNow);
            return (int) n;
        }

        /** The frame just received (virtio-net header first). */
        MemorySegment frame() {
            return buf;
        }

        /** Whether the frame just received was sent through the interface (only a capture socket sees those). */
        boolean outgoing() {
            return outgoing;
        }

        /** The kernel's SO_TIMESTAMPNS of the frame just received (CLOCK_REALTIME ns), or -1 without one. */
        long kernelRealNs() {
            return kernelRealNs;
        }

        /** When the kernel received the frame, on the CLOCK_MONOTONIC scale of {@link System#nanoTime}. */
        long arrivalNs() {
            return arrivalNs;
        }

        /** ns between the kernel's SO_TIMESTAMPNS (REALTIME) and {@code realNow}; 0 if absent or absurd. */
        private long kernelAge(long realNow) {
            if (kernelRealNs < 0) {
                return 0;
            }
            long age = realNow - kernelRealNs;
            // a wall-clock step (NTP) would make the age meaningless: trust only 0..100 ms
            return age > 0 && age < 100_000_000L ? age : 0;
        }

        private long kernelTimestamp() {
            long clen = msg.get(JAVA_LONG, 40);
            long off = 0;
            while (off + 16 <= clen) {
                long len = ctl.get(JAVA_LONG, off);
                if (len < 16) {
                    break;
                }
                if (ctl.get(JAVA_INT, off + 8) == SOL_SOCKET && ctl.get(JAVA_INT, off + 12) == SO_TIMESTAMPNS) {
                    return ctl.get(JAVA_LONG, off + 16) * 1_000_000_000L + ctl.get(JAVA_LONG, off + 24);
                }
                off += (len + 7) & ~7L;
            }
            return -1;
        }
    }

    /** Sends frames on one thread from a native buffer in that thread's arena. */
    final class Sender {
        private final MemorySegment cap;
        private final MemorySegment out;

        Sender(Arena arena) {
            cap = arena.allocate(CAPTURE);
            out = arena.allocate(MAX_FRAME, 64);
        }

        /** Sends one frame (virtio-net header first); returns 0 or the errno. */
        int send(byte[] frame) throws Throwable {
            MemorySegment.copy(frame, 0, out, JAVA_BYTE, 0, frame.length);
            long n = (long) SEND.invokeExact(cap, fd, out, (long) frame.length, 0);
            return n < 0 ? (int) ERRNO.get(cap, 0L) : 0;
        }
    }

    private void setInt(Arena a, MemorySegment cap, int level, int opt, int value) throws Throwable {
        MemorySegment v = a.allocateFrom(JAVA_INT, value);
        check((int) SETSOCKOPT.invokeExact(cap, fd, level, opt, v, 4), cap,
                "setsockopt " + level + "/" + opt + " on " + ifname);
    }

    private static void check(int rc, MemorySegment cap, String what) {
        if (rc < 0) {
            throw new SystemException(what + " failed, errno " + (int) ERRNO.get(cap, 0L));
        }
    }

    private static MethodHandle libc(String name, FunctionDescriptor fd, Linker.Option... options) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), fd, options);
    }
}
