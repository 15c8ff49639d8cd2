package dev.synwarm.net;

import java.util.List;

/**
 * A "cable" between two root-namespace veth ends with tc: every frame entering one end leaves the other
 * end's egress (clsact ingress, u32 match-all, mirred redirect). netem on those egresses then delays both
 * directions before the edge interface, like the delay line does. Commands are built here, run by the caller.
 */
final class TcWire {
    private TcWire() {}

    /** Commands that redirect everything arriving on {@code from} to the egress of {@code to}. */
    static List<List<String>> connect(String tc, String from, String to) {
        return List.of(
                List.of(tc, "qdisc", "add", "dev", from, "clsact"),
                List.of(tc, "filter", "add", "dev", from, "ingress", "protocol", "all", "prio", "1", "u32",
                        "match", "u32", "0", "0", "action", "mirred", "egress", "redirect", "dev", to));
    }

    static List<String> disconnect(String tc, String from) {
        return List.of(tc, "qdisc", "del", "dev", from, "clsact");
    }
}
