package dev.synwarm.bpf;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libbpf 1.x (libbpf.so.1) through FFM: one handle per function, called with {@code invokeExact} by the
 * classes of this package. Functions returning a pointer report failure as NULL + errno (captured);
 * the int-returning ones as a negative errno. libbpf's own log goes to slf4j (logger "libbpf").
 */
final class Libbpf {
    private static final SymbolLookup LIB = SymbolLookup.libraryLookup("libbpf.so.1", Arena.global());
    private static final Logger LIBBPF_LOG = LoggerFactory.getLogger("libbpf");

    static MethodHandle fn(String name, FunctionDescriptor fd) {
        return NativeCalls.downcall(LIB, name, fd);
    }

    static MethodHandle fnErrno(String name, FunctionDescriptor fd) {
        return NativeCalls.downcall(LIB, name, fd, NativeCalls.ERRNO);
    }

    // objects
    static final MethodHandle OBJECT_OPEN_MEM = fnErrno("bpf_object__open_mem",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    static final MethodHandle OBJECT_LOAD = fn("bpf_object__load", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle OBJECT_CLOSE = fn("bpf_object__close", FunctionDescriptor.ofVoid(ADDRESS));
    static final MethodHandle OBJECT_FIND_PROGRAM = fn("bpf_object__find_program_by_name",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    static final MethodHandle OBJECT_FIND_MAP = fn("bpf_object__find_map_by_name",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    static final MethodHandle OBJECT_BTF = fn("bpf_object__btf", FunctionDescriptor.of(ADDRESS, ADDRESS));
    static final MethodHandle PROGRAM_FD = fn("bpf_program__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle MAP_FD = fn("bpf_map__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle MAP_MAX_ENTRIES = fn("bpf_map__max_entries", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle MAP_INITIAL_VALUE = fn("bpf_map__initial_value",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));

    // BTF (to find a read-only setting's offset in .rodata)
    static final MethodHandle BTF_FIND_BY_NAME_KIND = fn("btf__find_by_name_kind",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    static final MethodHandle BTF_TYPE_BY_ID = fn("btf__type_by_id", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    static final MethodHandle BTF_NAME_BY_OFFSET = fn("btf__name_by_offset",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));

    // maps by fd
    static final MethodHandle MAP_UPDATE_ELEM = fn("bpf_map_update_elem",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
    static final MethodHandle MAP_DELETE_ELEM = fn("bpf_map_delete_elem", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));

    // attachments
    static final MethodHandle PROGRAM_ATTACH_XDP = fnErrno("bpf_program__attach_xdp",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    static final MethodHandle PROGRAM_ATTACH_CGROUP = fnErrno("bpf_program__attach_cgroup",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    static final MethodHandle LINK_DESTROY = fn("bpf_link__destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle LINK_CREATE = fn("bpf_link_create",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    static final MethodHandle TC_HOOK_CREATE = fn("bpf_tc_hook_create", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle TC_HOOK_DESTROY = fn("bpf_tc_hook_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle TC_ATTACH = fn("bpf_tc_attach", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    static final MethodHandle TC_DETACH = fn("bpf_tc_detach", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));

    // BPF_PROG_TEST_RUN
    static final MethodHandle PROG_TEST_RUN_OPTS = fn("bpf_prog_test_run_opts",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));

    private static final MethodHandle SET_PRINT = fn("libbpf_set_print", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle VSNPRINTF = NativeCalls.downcall(NativeCalls.LINKER.defaultLookup(), "vsnprintf",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
    private static final int LIBBPF_WARN = 0;
    private static final int LIBBPF_INFO = 1;

    static {
        routeLogToSlf4j();
    }

    private Libbpf() {}

    /** Makes sure the class (and so the log routing) is initialised before the first libbpf call. */
    static void init() {}

    private static void routeLogToSlf4j() {
        try {
            MethodHandle target = MethodHandles.lookup().findStatic(Libbpf.class, "onLog",
                    MethodType.methodType(int.class, int.class, MemorySegment.class, MemorySegment.class));
            MemorySegment stub = NativeCalls.LINKER.upcallStub(target,
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), Arena.global());
            MemorySegment previous = (MemorySegment) SET_PRINT.invokeExact(stub);
        } catch (Throwable t) {
            throw new ExceptionInInitializerError(t);
        }
    }

    /** libbpf_print_fn_t: formats with vsnprintf (x86-64 va_list is passed as a pointer). */
    private static int onLog(int level, MemorySegment fmt, MemorySegment args) {
        try {
            boolean wanted = level == LIBBPF_WARN ? LIBBPF_LOG.isWarnEnabled()
                    : level == LIBBPF_INFO ? LIBBPF_LOG.isInfoEnabled() : LIBBPF_LOG.isDebugEnabled();
            if (!wanted) {
                return 0;
            }
            try (Arena a = Arena.ofConfined()) {
                MemorySegment buf = a.allocate(4096);
                int n = (int) VSNPRINTF.invokeExact(buf, 4096L, fmt, args);
                String line = buf.getString(0).stripTrailing();
                switch (level) {
                    case LIBBPF_WARN -> LIBBPF_LOG.warn(line);
                    case LIBBPF_INFO -> LIBBPF_LOG.info(line);
                    default -> LIBBPF_LOG.debug(line);
                }
            }
        } catch (Throwable t) {
            // an exception escaping an upcall kills the JVM; a lost log line does not matter
        }
        return 0;
    }
}
