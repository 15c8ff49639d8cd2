package dev.synwarm.net;

import dev.synwarm.sys.Proc;
import java.util.ArrayList;
import java.util.List;

/** iproute2 calls, failing with the command's own message. */
final class Ip {
    private Ip() {}

    static Proc.Result run(String... args) {
        List<String> cmd = new ArrayList<>(args.length + 1);
        cmd.add("ip");
        cmd.addAll(List.of(args));
        return Proc.run(cmd).orThrow();
    }

    /** Runs {@code argv} inside network namespace {@code netns} without remounting /sys. */
    static Proc.Result inNetns(String netns, String... argv) {
        List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=" + netnsPath(netns), "--"));
        cmd.addAll(List.of(argv));
        return Proc.run(cmd).orThrow();
    }

    static String netnsPath(String netns) {
        return "/run/netns/" + netns;
    }

    /** Deletes a link; a link already gone (its peer was deleted, or its namespace) is not an error. */
    static void deleteLink(String name) {
        Proc.Result r = Proc.run("ip", "link", "del", name);
        if (!r.ok() && !r.stderr().contains("Cannot find device") && !r.stderr().contains("does not exist")) {
            r.orThrow();
        }
    }

    static void deleteNetns(String name) {
        Proc.Result r = Proc.run("ip", "netns", "del", name);
        if (!r.ok() && !r.stderr().contains("No such file")) {
            r.orThrow();
        }
    }
}
