package dev.synwarm.host;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.Resources;
import java.util.List;

/**
 * clsact and netem cannot be read from a file on a kernel without modules: they are tried on a scratch
 * veth pair ({@code sw-<id>-d0/d1}), which is removed again (with the qdiscs on it) before returning.
 */
final class QdiscProbe {
    private QdiscProbe() {}

    static List<Check> run() {
        if (!Proc.onPath("tc") || !Proc.onPath("ip")) {
            return List.of(
                    Check.missing("clsact", "tc not found", "apt-get install iproute2", true),
                    Check.missing("sch_netem", "tc not found", "apt-get install iproute2", false));
        }
        try (Resources res = Resources.open()) {
            String a = res.runId().name("d0");
            String b = res.runId().name("d1");
            Proc.Result made = Proc.run("ip", "link", "add", a, "type", "veth", "peer", "name", b);
            if (!made.ok()) {
                String why = made.stderr().strip();
                return List.of(
                        Check.missing("clsact", "cannot create a test veth: " + why, "run as root", true),
                        Check.missing("sch_netem", "cannot create a test veth: " + why, "run as root", false));
            }
            res.add("link " + a, () -> Proc.run("ip", "link", "del", a));
            boolean clsact = Proc.run("tc", "qdisc", "add", "dev", a, "clsact").ok();
            boolean netem = Proc.run("tc", "qdisc", "add", "dev", b, "root", "netem", "delay", "1ms").ok();
            return List.of(
                    clsact ? Check.ok("clsact", "qdisc can be added", true)
                            : Check.missing("clsact", "qdisc add failed", "a kernel with CONFIG_NET_SCH_INGRESS", true),
                    netem ? Check.ok("sch_netem", "qdisc can be added (netem backend available)", false)
                            : Check.missing("sch_netem", "not in this kernel",
                                    "none needed: the userspace delay line is used instead", false));
        }
    }
}
