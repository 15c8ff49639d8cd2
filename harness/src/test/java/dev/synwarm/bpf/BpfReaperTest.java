package dev.synwarm.bpf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.RunId;
import dev.synwarm.testing.Requires;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A killed process using the clsact fallback leaves a qdisc with a cls_bpf filter holding the program;
 * here the attachment is simply not closed (as after SIGKILL) and the reaper must remove it.
 */
class BpfReaperTest {
    @Test
    void removesAClsactFilterLeftOnADeadRunsInterface() {
        Requires.bpf();
        RunId dead = RunId.random(); // never claimed: its owner is not live
        String a = dead.name("ra");
        String b = dead.name("rb");
        Proc.run("ip", "link", "add", a, "type", "veth", "peer", "name", b).orThrow();
        try {
            try (BpfObject obj = BpfObject.open(PrewarmLayout.OBJECT).load()) {
                Attachment leftover = Hooks.clsactIngress(obj.program(PrewarmLayout.TC_PROGRAM), a);
                assertThat(leftover.description()).contains("clsact");
            } // object closed, filter still holds the program: what a SIGKILL leaves
            String filters = Proc.run("tc", "filter", "show", "dev", a, "ingress").stdout();
            assertThat(filters).contains("tc_syn");
            Matcher id = Pattern.compile("tc_syn.* id (\\d+)").matcher(filters);
            assertThat(id.find()).as(filters).isTrue();

            RunId other = RunId.random();
            assertThat(new BpfReaper().reap(r -> r.equals(other))).isEmpty(); // not selected: untouched
            List<String> removed = new BpfReaper().reap(r -> r.equals(dead));

            assertThat(removed).containsExactly("clsact qdisc on " + a);
            assertThat(Proc.run("tc", "qdisc", "show", "dev", a).stdout()).doesNotContain("clsact");
            // the kernel frees the program once the filter's reference is gone (deferred, so poll briefly)
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (Proc.run("bpftool", "prog", "show", "id", id.group(1)).ok() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(20_000_000L);
            }
            assertThat(Proc.run("bpftool", "prog", "show", "id", id.group(1)).ok()).as("program freed").isFalse();
        } finally {
            Proc.run("ip", "link", "del", a);
        }
    }

    @Test
    void tcxLinkDisappearsWithItsFd() {
        Requires.bpf();
        RunId id = RunId.random();
        String a = id.name("ta");
        Proc.run("ip", "link", "add", a, "type", "veth", "peer", "name", id.name("tb")).orThrow();
        try (BpfObject obj = BpfObject.open(PrewarmLayout.OBJECT).load()) {
            try (Attachment tcx = Hooks.tcIngress(obj.program(PrewarmLayout.TC_PROGRAM), a)) {
                assertThat(tcx.description()).startsWith("tcx link");
                assertThat(tcxLinksOfTcSyn()).isPositive();
            }
            assertThat(tcxLinksOfTcSyn()).isZero();
            assertThat(Proc.run("tc", "qdisc", "show", "dev", a).stdout()).doesNotContain("clsact");
        } finally {
            Proc.run("ip", "link", "del", a);
        }
    }

    /** bpftool 7.1 predates TCX: it lists such links as "type 11" (BPF_LINK_TYPE_TCX). */
    static long tcxLinksOfTcSyn() {
        Matcher m = Pattern.compile("type 11\\s+prog (\\d+)").matcher(Proc.run("bpftool", "link", "show").stdout());
        long n = 0;
        while (m.find()) {
            n += Proc.run("bpftool", "prog", "show", "id", m.group(1)).stdout().contains("tc_syn") ? 1 : 0;
        }
        return n;
    }
}
