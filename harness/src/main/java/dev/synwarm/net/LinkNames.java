package dev.synwarm.net;

import dev.synwarm.sys.Proc;
import java.util.ArrayList;
import java.util.List;

/** Names of the network interfaces of the root namespace, as reapers and leftover checks need them. */
public final class LinkNames {
    private LinkNames() {}

    /** Every interface of the root namespace now. */
    public static List<String> rootNamespace() {
        return parse(Proc.run("ip", "-o", "link", "show").orThrow().stdout());
    }

    /** Only synwarm's: {@code sw-…}. */
    public static List<String> synwarm() {
        return rootNamespace().stream().filter(n -> n.startsWith("sw-")).toList();
    }

    /** Names from {@code ip -o link show}: "7: sw-ab12-cw@sw-ab12-c: <…>" → "sw-ab12-cw". */
    static List<String> parse(String ipOutput) {
        List<String> names = new ArrayList<>();
        for (String line : ipOutput.split("\n")) {
            String[] f = line.split(":\\s+", 3);
            if (f.length >= 2) {
                String n = f[1];
                int at = n.indexOf('@');
                names.add(at < 0 ? n : n.substring(0, at));
            }
        }
        return names;
    }
}
