package dev.synwarm.bpf;

import dev.synwarm.sys.SystemException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/** Shared FFM plumbing for {@link Libbpf} and {@link Libc}: symbol lookup, errno capture, strerror. */
final class NativeCalls {
    static final Linker LINKER = Linker.nativeLinker();
    static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_VH =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** Reads native memory at an absolute address (pointers libbpf hands back have no size). */
    static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private NativeCalls() {}

    static MethodHandle downcall(SymbolLookup lib, String name, FunctionDescriptor fd, Linker.Option... options) {
        MemorySegment sym = lib.find(name)
                .orElseThrow(() -> new SystemException("native symbol " + name + " not found"));
        return LINKER.downcallHandle(sym, fd, options);
    }

    static int errno(MemorySegment capture) {
        return (int) ERRNO_VH.get(capture, 0L);
    }

    /** A segment for one call's captured errno. */
    static MemorySegment captureIn(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    static String strerror(int err) {
        return Libc.strerror(Math.abs(err));
    }

    /** Throws for libbpf's "negative errno" convention; returns {@code rc} otherwise. */
    static int check(int rc, String what) {
        if (rc < 0) {
            throw new SystemException(what + " failed: " + strerror(rc) + " (errno " + -rc + ")");
        }
        return rc;
    }

    static String cString(MemorySegment ptr) {
        return ptr.equals(MemorySegment.NULL) ? "" : ptr.reinterpret(4096).getString(0);
    }
}
