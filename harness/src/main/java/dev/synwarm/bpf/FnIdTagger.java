package dev.synwarm.bpf;

import dev.synwarm.sys.Resources;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client side of syn-option mode: fnid.bpf.o's sock_ops program on a cgroup v2 writes the fnid TCP
 * option into the SYN of every connection its processes open to a tagged port. A process must join the
 * cgroup before {@code ip netns exec} (which remounts /sys).
 */
public final class FnIdTagger implements AutoCloseable {
    private final String description;
    private final PortTable tags;
    private final CloseStack closer;
    private final Resources res;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FnIdTagger(String description, PortTable tags, CloseStack closer, Resources res) {
        this.description = description;
        this.tags = tags;
        this.closer = closer;
        this.res = res;
    }

    public static FnIdTagger attach(Path cgroupDir, Resources res) {
        String description = "fnid sock_ops on " + cgroupDir;
        CloseStack closer = new CloseStack();
        try {
            BpfObject obj = closer.push(BpfObject.open("fnid")).load();
            closer.push(Hooks.cgroup(obj.program("sockops_fnid"), cgroupDir));
            FnIdTagger tagger = new FnIdTagger(description, new PortTable(obj.map("fn_tags")), closer, res);
            res.add(description, tagger::close);
            return tagger;
        } catch (RuntimeException e) {
            throw closer.unwind(e);
        }
    }

    /** SYNs of the cgroup's connections to {@code port} now carry {@code fnId}. */
    public void tag(int port, int fnId) {
        tags.put(port, fnId);
    }

    public void untag(int port) {
        tags.remove(port);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closer.close();
            res.releaseNow(description);
        }
    }
}
