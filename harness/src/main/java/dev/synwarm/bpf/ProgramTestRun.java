package dev.synwarm.bpf;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Runs a loaded XDP or TC program on one frame in the kernel (BPF_PROG_TEST_RUN), without a network:
 * what the parser tests and the fuzzer use. Buffers are reused; one instance per thread.
 */
final class ProgramTestRun implements AutoCloseable {
    private static final long OPTS_SIZE = 80; // sizeof(struct bpf_test_run_opts), libbpf 1.1
    static final int MAX_FRAME = 3000;        // XDP test runs take up to a page minus head/tail room

    /** {@code rc} is 0 or -errno from the syscall; {@code retval} the program's verdict. */
    record Result(int rc, int retval, byte[] dataOut) {}

    private final BpfProgram prog;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment opts = arena.allocate(OPTS_SIZE, 8);
    private final MemorySegment in = arena.allocate(MAX_FRAME, 8);
    private final MemorySegment out = arena.allocate(MAX_FRAME + 512, 8);

    ProgramTestRun(BpfProgram prog) {
        this.prog = prog;
    }

    Result run(byte[] frame) {
        if (frame.length > MAX_FRAME) {
            throw new IllegalArgumentException("frame of " + frame.length + " bytes exceeds " + MAX_FRAME);
        }
        MemorySegment.copy(frame, 0, in, JAVA_BYTE, 0, frame.length);
        opts.fill((byte) 0);
        opts.set(JAVA_LONG, 0, OPTS_SIZE);
        opts.set(ADDRESS, 8, in);                    // data_in
        opts.set(ADDRESS, 16, out);                  // data_out
        opts.set(JAVA_INT, 24, frame.length);        // data_size_in
        opts.set(JAVA_INT, 28, (int) out.byteSize()); // data_size_out (in: capacity)
        opts.set(JAVA_INT, 60, 1);                   // repeat
        int rc;
        try {
            rc = (int) Libbpf.PROG_TEST_RUN_OPTS.invokeExact(prog.fd(), opts);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        if (rc < 0) {
            return new Result(rc, -1, new byte[0]);
        }
        int outLen = opts.get(JAVA_INT, 28);
        return new Result(0, opts.get(JAVA_INT, 56), out.asSlice(0, outLen).toArray(JAVA_BYTE));
    }

    @Override
    public void close() {
        arena.close();
    }
}
