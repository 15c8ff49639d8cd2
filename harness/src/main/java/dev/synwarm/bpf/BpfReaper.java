package dev.synwarm.bpf;

import dev.synwarm.net.LinkNames;
import dev.synwarm.sys.Proc;
import dev.synwarm.sys.Reaper;
import dev.synwarm.sys.RunId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a killed probe can leave behind: links die with the process, but a clsact qdisc (the TC fallback)
 * or a netlink XDP program on a {@code sw-<id>-…} interface stays. Removes them from interfaces of the
 * runs {@code reap} selects (in the root namespace; namespaced ends vanish with their namespace).
 */
public final class BpfReaper implements Reaper {
    @Override
    public String kind() {
        return "xdp/tc hook";
    }

    @Override
    public List<String> reap(Predicate<RunId> reap) {
        List<String> removed = new ArrayList<>();
        for (String iface : LinkNames.synwarm()) {
            Optional<RunId> id = RunId.ofName(iface);
            if (id.isEmpty() || !reap.test(id.get())) {
                continue;
            }
            if (Proc.run("tc", "qdisc", "show", "dev", iface).stdout().contains("clsact")
                    && Proc.run("tc", "qdisc", "del", "dev", iface, "clsact").ok()) {
                removed.add("clsact qdisc on " + iface);
            }
            // "prog/xdp" is printed for any XDP program; a link-held one cannot be removed this way
            // (and belongs to a live process), so only a netlink attachment goes
            if (Proc.run("ip", "-d", "link", "show", "dev", iface).stdout().contains("prog/xdp")
                    && Proc.run("ip", "link", "set", "dev", iface, "xdp", "off").ok()) {
                removed.add("xdp program on " + iface);
            }
        }
        return removed;
    }
}
