package dev.synwarm.bpf;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.synwarm.sys.SystemException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/** The few libc calls the eBPF side needs: mmap of maps, poll/eventfd for the consumer, fds. */
final class Libc {
    private static final SymbolLookup C = NativeCalls.LINKER.defaultLookup();

    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int MAP_SHARED = 1;
    static final short POLLIN = 1;
    static final int EFD_CLOEXEC = 02000000;
    static final int O_RDONLY = 0;
    static final int O_DIRECTORY = 0200000;
    static final int O_CLOEXEC = 02000000;
    static final int EINTR = 4;
    static final long PAGE_SIZE = 4096;

    private static final MethodHandle MMAP = NativeCalls.downcall(C, "mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG), NativeCalls.ERRNO);
    private static final MethodHandle MUNMAP = NativeCalls.downcall(C, "munmap",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle POLL = NativeCalls.downcall(C, "poll",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), NativeCalls.ERRNO);
    private static final MethodHandle EVENTFD = NativeCalls.downcall(C, "eventfd",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), NativeCalls.ERRNO);
    private static final MethodHandle WRITE = NativeCalls.downcall(C, "write",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle CLOSE = NativeCalls.downcall(C, "close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle OPEN = NativeCalls.downcall(C, "open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2), NativeCalls.ERRNO);
    private static final MethodHandle IF_NAMETOINDEX = NativeCalls.downcall(C, "if_nametoindex",
            FunctionDescriptor.of(JAVA_INT, ADDRESS), NativeCalls.ERRNO);
    private static final MethodHandle GETTID = NativeCalls.downcall(C, "gettid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle SETPRIORITY = NativeCalls.downcall(C, "setpriority",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), NativeCalls.ERRNO);
    private static final MethodHandle SCHED_SETSCHEDULER = NativeCalls.downcall(C, "sched_setscheduler",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), NativeCalls.ERRNO);
    private static final MethodHandle STRERROR = NativeCalls.downcall(C, "strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Libc() {}

    /** Maps {@code len} bytes of {@code fd} at {@code offset}; the segment is sized, unmap with {@link #munmap}. */
    static MemorySegment mmap(int fd, long len, int prot, long offset, String what) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = NativeCalls.captureIn(a);
            MemorySegment p = (MemorySegment) MMAP.invokeExact(cap, MemorySegment.NULL, len, prot, MAP_SHARED, fd, offset);
            if (p.address() == -1L) {
                throw new SystemException("mmap of " + what + " failed: " + strerror(NativeCalls.errno(cap)));
            }
            return p.reinterpret(len);
        } catch (SystemException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static void munmap(MemorySegment m) {
        try {
            int rc = (int) MUNMAP.invokeExact(m, m.byteSize());
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** A pollfd array of two entries (fd + POLLIN each), for {@link #poll}. */
    static MemorySegment pollFds(Arena arena, int fd0, int fd1) {
        MemorySegment p = arena.allocate(16, 4);
        p.set(JAVA_INT, 0, fd0);
        p.set(JAVA_SHORT, 4, POLLIN);
        p.set(JAVA_INT, 8, fd1);
        p.set(JAVA_SHORT, 12, POLLIN);
        return p;
    }

    /** poll(2); returns the ready count, 0 on timeout, or -errno (EINTR is normal). */
    static int poll(MemorySegment fds, long nfds, int timeoutMs, MemorySegment capture) {
        try {
            int rc = (int) POLL.invokeExact(capture, fds, nfds, timeoutMs);
            return rc < 0 ? -NativeCalls.errno(capture) : rc;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int eventfd() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = NativeCalls.captureIn(a);
            int fd = (int) EVENTFD.invokeExact(cap, 0, EFD_CLOEXEC);
            if (fd < 0) {
                throw new SystemException("eventfd failed: " + strerror(NativeCalls.errno(cap)));
            }
            return fd;
        } catch (SystemException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Adds 1 to an eventfd, waking whoever polls it. */
    static void signal(int eventFd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment one = a.allocate(JAVA_LONG);
            one.set(JAVA_LONG, 0, 1L);
            long n = (long) WRITE.invokeExact(eventFd, one, 8L);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static void close(int fd) {
        try {
            int rc = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Opens a directory read-only (a cgroup for attaching programs). */
    static int openDirectory(String path) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = NativeCalls.captureIn(a);
            int fd = (int) OPEN.invokeExact(cap, a.allocateFrom(path), O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
            if (fd < 0) {
                throw new SystemException("cannot open " + path + ": " + strerror(NativeCalls.errno(cap)));
            }
            return fd;
        } catch (SystemException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** The interface index of {@code name} in this process's network namespace, or empty. */
    static java.util.OptionalInt ifIndex(String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = NativeCalls.captureIn(a);
            int idx = (int) IF_NAMETOINDEX.invokeExact(cap, a.allocateFrom(name));
            return idx == 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(idx);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * Sets the calling thread's nice value (Linux applies it per thread id); returns 0 or -errno
     * (EACCES without CAP_SYS_NICE).
     */
    static int setThreadNice(int nice) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = NativeCalls.captureIn(a);
            int tid = (int) GETTID.invokeExact();
            int rc = (int) SETPRIORITY.invokeExact(cap, 0 /* PRIO_PROCESS */, tid, nice);
            return rc < 0 ? -NativeCalls.errno(cap) : 0;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static final int SCHED_OTHER = 0;
    static final int SCHED_FIFO = 1;
    /** Threads and processes this thread creates start with the default policy and nice 0 again. */
    static final int SCHED_RESET_ON_FORK = 0x40000000;

    /**
     * Sets the calling thread's scheduling policy ({@code SCHED_*}, may include SCHED_RESET_ON_FORK) and
     * real-time priority (0 for SCHED_OTHER); returns 0 or -errno (EPERM without root).
     */
    static int setThreadPolicy(int policy, int priority) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = NativeCalls.captureIn(a);
            MemorySegment param = a.allocate(JAVA_INT);
            param.set(JAVA_INT, 0, priority);
            int tid = (int) GETTID.invokeExact();
            int rc = (int) SCHED_SETSCHEDULER.invokeExact(cap, tid, policy, param);
            return rc < 0 ? -NativeCalls.errno(cap) : 0;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static String strerror(int err) {
        try {
            return NativeCalls.cString((MemorySegment) STRERROR.invokeExact(err));
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}
