package dev.synwarm.net;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.Resources;

/**
 * Whether this kernel has sch_netem, found the only reliable way: adding a netem qdisc to a scratch veth
 * pair of this run (module listings lie on kernels with built-ins and without /lib/modules). Cached.
 */
final class NetemSupport {
    private static volatile Boolean available;

    private NetemSupport() {}

    static boolean available(Resources res) {
        Boolean a = available;
        if (a == null) {
            a = probe(res);
            available = a;
        }
        return a;
    }

    private static boolean probe(Resources res) {
        String dev = res.runId().name("np");
        String what = "link " + dev + " (netem probe)";
        Ip.run("link", "add", dev, "type", "veth", "peer", "name", res.runId().name("nq"));
        res.add(what, () -> Ip.deleteLink(dev));
        try {
            return Proc.run("tc", "qdisc", "add", "dev", dev, "root", "netem", "delay", "1ms").ok();
        } finally {
            res.releaseNow(what);
        }
    }
}
