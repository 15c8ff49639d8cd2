package dev.synwarm.bpf;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.synwarm.sys.SystemException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attaches programs. XDP, TC and cgroup attachments are kernel links wherever possible: a link dies
 * with its fd, so a killed process leaves nothing attached. TC uses a TCX link (kernel ≥ 6.6, made
 * with bpf_link_create since libbpf 1.1 has no wrapper) and falls back to a clsact qdisc + cls_bpf
 * filter, which survives a kill and is what {@link BpfReaper} removes.
 */
public final class Hooks {
    private static final Logger LOG = LoggerFactory.getLogger(Hooks.class);
    private static final int BPF_TCX_INGRESS = 46;
    private static final int EINVAL = 22;
    private static final int EEXIST = 17;
    private static final int EOPNOTSUPP = 95;
    private static final int TC_INGRESS = 1;
    private static final int TC_EGRESS = 2;
    private static final long TC_HOOK_SIZE = 24;
    private static final long TC_OPTS_SIZE = 32;

    private Hooks() {}

    /** XDP link (native mode where the driver has it, else generic). */
    public static Attachment xdp(BpfProgram prog, String iface) {
        int ifindex = ifIndex(iface);
        MemorySegment link = attachLink(prog, ifindex, Libbpf.PROGRAM_ATTACH_XDP, "XDP attach of " + prog.name() + " to " + iface);
        return new LibbpfLink(link, "xdp link on " + iface);
    }

    /** TC ingress: a TCX link, or a clsact filter when the kernel has no TCX. */
    public static Attachment tcIngress(BpfProgram prog, String iface) {
        int ifindex = ifIndex(iface);
        int fd;
        try {
            fd = (int) Libbpf.LINK_CREATE.invokeExact(prog.fd(), ifindex, BPF_TCX_INGRESS, MemorySegment.NULL);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        if (fd == -EINVAL || fd == -EOPNOTSUPP) {
            LOG.info("no TCX on this kernel ({}); attaching {} to {} through a clsact qdisc",
                    NativeCalls.strerror(fd), prog.name(), iface);
            return clsactIngress(prog, iface);
        }
        NativeCalls.check(fd, "TCX attach of " + prog.name() + " to " + iface);
        return new FdLink(fd, "tcx link on " + iface);
    }

    /** TC ingress through a clsact qdisc and a direct-action cls_bpf filter (survives a killed process). */
    public static Attachment clsactIngress(BpfProgram prog, String iface) {
        int ifindex = ifIndex(iface);
        Arena arena = Arena.ofShared();
        try {
            MemorySegment hook = arena.allocate(TC_HOOK_SIZE, 8);
            hook.set(JAVA_LONG, 0, TC_HOOK_SIZE);
            hook.set(JAVA_INT, 8, ifindex);
            hook.set(JAVA_INT, 12, TC_INGRESS);
            int rc = (int) Libbpf.TC_HOOK_CREATE.invokeExact(hook);
            boolean createdQdisc = rc != -EEXIST; // someone's clsact was there already: leave it there
            if (createdQdisc) {
                NativeCalls.check(rc, "clsact qdisc on " + iface);
            }
            MemorySegment opts = arena.allocate(TC_OPTS_SIZE, 8);
            opts.set(JAVA_LONG, 0, TC_OPTS_SIZE);
            opts.set(JAVA_INT, 8, prog.fd()); // handle and priority 0: the kernel picks, opts reports them
            rc = (int) Libbpf.TC_ATTACH.invokeExact(hook, opts);
            if (rc < 0 && createdQdisc) {
                hook.set(JAVA_INT, 12, TC_INGRESS | TC_EGRESS);
                int ignored = (int) Libbpf.TC_HOOK_DESTROY.invokeExact(hook);
            }
            NativeCalls.check(rc, "cls_bpf attach of " + prog.name() + " to " + iface);
            return new ClsactFilter(arena, hook, opts, createdQdisc, "clsact filter on " + iface);
        } catch (SystemException e) {
            arena.close();
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** sock_ops (or another cgroup program) on the cgroup v2 directory {@code cgroup}. */
    public static Attachment cgroup(BpfProgram prog, Path cgroup) {
        int fd = Libc.openDirectory(cgroup.toString());
        try {
            MemorySegment link = attachLink(prog, fd, Libbpf.PROGRAM_ATTACH_CGROUP, "attach of " + prog.name() + " to cgroup " + cgroup);
            return new LibbpfLink(link, "cgroup link on " + cgroup);
        } finally {
            Libc.close(fd); // the link holds its own reference to the cgroup
        }
    }

    static int ifIndex(String iface) {
        return Libc.ifIndex(iface).orElseThrow(() -> new dev.synwarm.sys.UsageException("no network interface named '" + iface + "'"));
    }

    private static MemorySegment attachLink(BpfProgram prog, int target, java.lang.invoke.MethodHandle attach, String what) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = NativeCalls.captureIn(a);
            MemorySegment link = (MemorySegment) attach.invokeExact(cap, prog.handle(), target);
            if (link.equals(MemorySegment.NULL)) {
                throw new SystemException(what + " failed: " + NativeCalls.strerror(NativeCalls.errno(cap)));
            }
            return link;
        } catch (SystemException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private record LibbpfLink(MemorySegment link, String description) implements Attachment {
        @Override
        public void close() {
            try {
                int rc = (int) Libbpf.LINK_DESTROY.invokeExact(link);
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        }
    }

    private record FdLink(int fd, String description) implements Attachment {
        @Override
        public void close() {
            Libc.close(fd);
        }
    }

    private record ClsactFilter(Arena arena, MemorySegment hook, MemorySegment opts, boolean ownQdisc,
                                String description) implements Attachment {
        @Override
        public void close() {
            try {
                // bpf_tc_detach wants prog_fd, flags and prog_id zero, handle and priority set
                opts.set(JAVA_INT, 8, 0);
                opts.set(JAVA_INT, 12, 0);
                opts.set(JAVA_INT, 16, 0);
                int rc = (int) Libbpf.TC_DETACH.invokeExact(hook, opts);
                if (ownQdisc) {
                    hook.set(JAVA_INT, 12, TC_INGRESS | TC_EGRESS); // both: removes the clsact qdisc
                    rc = (int) Libbpf.TC_HOOK_DESTROY.invokeExact(hook);
                }
            } catch (Throwable t) {
                throw new AssertionError(t);
            } finally {
                arena.close();
            }
        }
    }
}
