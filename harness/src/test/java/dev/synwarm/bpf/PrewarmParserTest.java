package dev.synwarm.bpf;

import static dev.synwarm.bpf.Frames.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.testing.Requires;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The parser of prewarm.bpf.c on crafted frames, in the kernel (BPF_PROG_TEST_RUN), for both hooks. */
class PrewarmParserTest {
    static final int MAPPED = 8080;
    static final int MAPPED_FN = 7;
    static final int UNMAPPED = 9090;
    static ParserRig rig;

    @BeforeAll
    static void load() {
        Requires.bpf();
        rig = new ParserRig(Duration.ZERO);
        rig.ports.put(MAPPED, MAPPED_FN);
    }

    @AfterAll
    static void unload() {
        if (rig != null) {
            rig.close();
        }
    }

    /** Runs {@code frame}; checks it passed unmodified and moved exactly the {@code outcome} counter. */
    static ParserRig.Outcome expect(AttachMode hook, byte[] frame, int outcome, int events) {
        ParserRig.Outcome o = rig.run(hook, frame);
        if (!ParserRig.kernelRuns(hook, frame)) {
            assertThat(o.result().rc()).as("refused by the test-run syscall").isEqualTo(-22);
            assertThat(o.delta().frames()).isZero();
            return o;
        }
        assertThat(o.result().rc()).as("test run rc").isZero();
        assertThat(o.result().retval()).as("verdict").isEqualTo(ParserRig.passVerdict(hook));
        assertThat(o.result().dataOut()).as("frame unchanged").isEqualTo(frame);
        assertThat(ParserRig.outcomeOf(o.delta())).as("outcome counter of %s", o.delta()).isEqualTo(outcome);
        assertThat(o.events()).hasSize(events);
        return o;
    }

    @ParameterizedTest
    @EnumSource(AttachMode.class)
    void synToMappedPortSendsPortEvent(AttachMode hook) throws Exception {
        SynEvent e = expect(hook, syn4(MAPPED, linuxSynOptions()), PrewarmLayout.STAT_EVENT_PORT, 1).events().getFirst();
        assertThat(e.fnId()).isEqualTo(MAPPED_FN);
        assertThat(e.source()).isEqualTo(TriggerSource.PORT);
        assertThat(e.saddr()).isEqualTo(InetAddress.getByAddress(CLIENT4));
        assertThat(e.sport()).isEqualTo(40000);
        assertThat(e.dport()).isEqualTo(MAPPED);
        assertThat(e.hook()).isEqualTo(hook);
        assertThat(e.suppressed()).isZero();
        assertThat(e.ktimeNs()).isPositive().isLessThanOrEqualTo(e.receivedNs());
    }

    @ParameterizedTest
    @EnumSource(AttachMode.class)
    void synToUnmappedPortIsUnknown(AttachMode hook) {
        expect(hook, syn4(UNMAPPED, new byte[0]), PrewarmLayout.STAT_UNKNOWN_FN, 0);
    }

    @ParameterizedTest
    @EnumSource(AttachMode.class)
    void synAckAckRstAreNotSyns(AttachMode hook) {
        for (int flags : new int[] {SYN | ACK, ACK, RST, FIN | ACK, 0}) {
            expect(hook, eth(ETH_IPV4, ipv4(PROTO_TCP, 0, tcp(40000, MAPPED, flags, new byte[0]))),
                    PrewarmLayout.STAT_NOT_SYN, 0);
        }
    }

    @ParameterizedTest
    @EnumSource(AttachMode.class)
    void optionNamesTheFunctionEvenOnUnmappedPort(AttachMode hook) {
        byte[] opts = concat(linuxSynOptions(), fnOption(0xCAFE0042));
        SynEvent e = expect(hook, syn4(UNMAPPED, opts), PrewarmLayout.STAT_EVENT_OPTION, 1).events().getFirst();
        assertThat(e.fnId()).isEqualTo(0xCAFE0042);
        assertThat(e.source()).isEqualTo(TriggerSource.OPTION);
        // the option beats the port table, and kind 253 is accepted too
        e = expect(hook, syn4(MAPPED, fnOption(253, PrewarmLayout.OPT_EXID, 12)), PrewarmLayout.STAT_EVENT_OPTION, 1)
                .events().getFirst();
        assertThat(e.fnId()).isEqualTo(12);
    }

    @ParameterizedTest
    @EnumSource(AttachMode.class)
    void wrongMagicOrKindOrLengthFallsBackToPort(AttachMode hook) {
        byte[] wrongMagic = fnOption(254, 0xFAA6, 99);
        SynEvent e = expect(hook, syn4(MAPPED, wrongMagic), PrewarmLayout.STAT_EVENT_PORT, 1).events().getFirst();
        assertThat(e.fnId()).isEqualTo(MAPPED_FN);
        expect(hook, syn4(UNMAPPED, wrongMagic), PrewarmLayout.STAT_UNKNOWN_FN, 0);
        expect(hook, syn4(UNMAPPED, fnOption(252, PrewarmLayout.OPT_EXID, 99)), PrewarmLayout.STAT_UNKNOWN_FN, 0);
        byte[] shortOpt = {(byte) 254, 6, (byte) 0xFA, (byte) 0xA5, 0, 99};
        expect(hook, syn4(UNMAPPED, shortOpt), PrewarmLayout.STAT_UNKNOWN_FN, 0);
    }

    @ParameterizedTest
    @EnumSource(AttachMode.class)
    void malformedOptionChainsEndTheWalk(AttachMode hook) {
        byte[] zeroLen = concat(new byte[] {2, 0}, fnOption(5));             // len 0: stop
        byte[] tooLong = concat(new byte[] {8, 40}, fnOption(5));            // runs past the options
        byte[] afterEol = concat(new byte[] {0, 1, 1, 1}, fnOption(5));      // EOL before ours
        byte[] cutOff = {1, 1, (byte) 254, 8, (byte) 0xFA, (byte) 0xA5, 0, 0, 0}; // ours truncated by doff
        for (byte[] opts : new byte[][] {zeroLen, tooLong, afterEol}) {
            expect(hook, syn4(UNMAPPED, opts), PrewarmLayout.STAT_UNKNOWN_FN, 0);
        }
        byte[] truncatedChain = eth(ETH_IPV4, ipv4(PROTO_TCP, 0, tcp(40000, UNMAPPED, SYN, cutOff, 7)));
        expect(hook, truncatedChain, PrewarmLayout.STAT_UNKNOWN_FN, 0);
        // found after NOPs and a full chain of the usual options
        byte[] deep = concat(new byte[] {1, 1, 1}, linuxSynOptions(), new byte[] {1}, fnOption(77));
        assertThat(expect(hook, syn4(UNMAPPED, deep), PrewarmLayout.STAT_EVENT_OPTION, 1).events().getFirst().fnId())
                .isEqualTo(77);
    }

    @ParameterizedTest
    @EnumSource(AttachMode.class)
    void truncatedHeadersAreMalformed(AttachMode hook) {
        byte[] full = syn4(MAPPED, linuxSynOptions());
        expect(hook, java.util.Arrays.copyOf(full, 14 + 19), PrewarmLayout.STAT_MALFORMED, 0);     // IPv4 cut
        expect(hook, java.util.Arrays.copyOf(full, 14 + 20 + 19), PrewarmLayout.STAT_MALFORMED, 0); // TCP cut
        expect(hook, java.util.Arrays.copyOf(full, full.length - 1), PrewarmLayout.STAT_MALFORMED, 0); // options cut
        expect(hook, eth(ETH_IPV4, ipv4(PROTO_TCP, 0, tcp(1, MAPPED, SYN, new byte[0], 4))), PrewarmLayout.STAT_MALFORMED, 0);
        expect(hook, eth(ETH_IPV4, ipv4(4, PROTO_TCP, 0, CLIENT4, tcp(1, MAPPED, SYN, new byte[0]))),
                PrewarmLayout.STAT_MALFORMED, 0); // ihl < 5
        byte[] v6as4 = syn4(MAPPED, new byte[0]);
        v6as4[14] = 0x65;                                                                        // version 6 in an IPv4 frame
        expect(hook, v6as4, PrewarmLayout.STAT_MALFORMED, 0);
    }

    @ParameterizedTest
    @EnumSource(AttachMode.class)
    void ipv4OptionsAndFragments(AttachMode hook) {
        byte[] withIpOptions = eth(ETH_IPV4, ipv4(7, PROTO_TCP, 0, CLIENT4, tcp(40000, MAPPED, SYN, new byte[0])));
        expect(hook, withIpOptions, PrewarmLayout.STAT_EVENT_PORT, 1);
        expect(hook, eth(ETH_IPV4, ipv4(PROTO_TCP, 0x2000, tcp(1, MAPPED, SYN, new byte[0]))), PrewarmLayout.STAT_FRAGMENT, 0);
        expect(hook, eth(ETH_IPV4, ipv4(PROTO_TCP, 0x0010, tcp(1, MAPPED, SYN, new byte[0]))), PrewarmLayout.STAT_FRAGMENT, 0);
        expect(hook, eth(ETH_IPV4, ipv4(PROTO_UDP, 0, new byte[28])), PrewarmLayout.STAT_NOT_TCP, 0);
    }

    @ParameterizedTest
    @EnumSource(AttachMode.class)
    void ipv6SynsWithAndWithoutExtensionHeaders(AttachMode hook) throws Exception {
        SynEvent e = expect(hook, syn6(MAPPED, linuxSynOptions()), PrewarmLayout.STAT_EVENT_PORT, 1).events().getFirst();
        assertThat(e.saddr()).isEqualTo(InetAddress.getByAddress(CLIENT6));
        assertThat(e.fnId()).isEqualTo(MAPPED_FN);
        byte[] tcpSyn = tcp(40001, UNMAPPED, SYN, fnOption(31));
        byte[] chain = ext(NH_DEST, 0, ext(NH_ROUTING, 1, ext(PROTO_TCP, 2, tcpSyn)));
        e = expect(hook, eth(ETH_IPV6, ipv6(NH_HOP, chain)), PrewarmLayout.STAT_EVENT_OPTION, 1).events().getFirst();
        assertThat(e.fnId()).isEqualTo(31);
        assertThat(e.sport()).isEqualTo(40001);
        expect(hook, eth(ETH_IPV6, ipv6(NH_HOP, ext(NH_FRAGMENT, 0, ext(PROTO_TCP, 0, tcpSyn)))), PrewarmLayout.STAT_FRAGMENT, 0);
        byte[] five = ext(NH_DEST, 0, ext(NH_DEST, 0, ext(NH_DEST, 0, ext(NH_DEST, 0, ext(PROTO_TCP, 0, tcpSyn)))));
        expect(hook, eth(ETH_IPV6, ipv6(NH_HOP, five)), PrewarmLayout.STAT_NOT_TCP, 0);
        expect(hook, eth(ETH_IPV6, ipv6(NH_NONE, new byte[0])), PrewarmLayout.STAT_NOT_TCP, 0);
        expect(hook, java.util.Arrays.copyOf(eth(ETH_IPV6, ipv6(NH_HOP, chain)), 14 + 40 + 1), PrewarmLayout.STAT_MALFORMED, 0);
    }

    @ParameterizedTest
    @EnumSource(AttachMode.class)
    void nonIpAndShortFrames(AttachMode hook) {
        expect(hook, eth(ETH_ARP, new byte[28]), PrewarmLayout.STAT_NOT_IP, 0);
        expect(hook, eth(0x8100, syn4(MAPPED, new byte[0])), PrewarmLayout.STAT_NOT_IP, 0); // VLAN tag: not parsed
        expect(hook, eth(ETH_IPV4, new byte[0]), PrewarmLayout.STAT_MALFORMED, 0);       // bare Ethernet header
    }

    @ParameterizedTest
    @EnumSource(AttachMode.class)
    void zeroLengthFrameIsRefusedByTheKernelBeforeTheProgram(AttachMode hook) {
        for (byte[] tooShort : new byte[][] {new byte[0], new byte[13]}) {
            ParserRig.Outcome o = rig.run(hook, tooShort);
            assertThat(o.result().rc()).isEqualTo(-22); // EINVAL: test runs need at least an Ethernet header
            assertThat(o.delta().frames()).isZero();
            assertThat(o.events()).isEmpty();
        }
    }

    @Test
    void shortIpFramesReachTheXdpParser() {
        // the TC test run refuses these (see ParserRig.kernelRuns); XDP shows the parser's answer
        assertThat(ParserRig.kernelRuns(AttachMode.TC, eth(ETH_IPV4, new byte[19]))).isFalse();
        expect(AttachMode.XDP, eth(ETH_IPV4, new byte[19]), PrewarmLayout.STAT_MALFORMED, 0);
        expect(AttachMode.XDP, eth(ETH_IPV6, new byte[39]), PrewarmLayout.STAT_MALFORMED, 0);
    }

    @Test
    void cooldownLetsOneEventPerFunctionThroughAndCountsTheRest() {
        try (ParserRig cool = new ParserRig(Duration.ofHours(1))) {
            cool.ports.put(MAPPED, MAPPED_FN);
            ParserRig.Outcome first = cool.run(AttachMode.XDP, syn4(MAPPED, new byte[0]));
            ParserRig.Outcome second = cool.run(AttachMode.TC, syn4(MAPPED, new byte[0]));
            ParserRig.Outcome other = cool.run(AttachMode.XDP, syn4(UNMAPPED, fnOption(8)));
            assertThat(ParserRig.outcomeOf(first.delta())).isEqualTo(PrewarmLayout.STAT_EVENT_PORT);
            assertThat(first.events()).hasSize(1);
            assertThat(ParserRig.outcomeOf(second.delta())).isEqualTo(PrewarmLayout.STAT_SUPPRESSED);
            assertThat(second.events()).isEmpty();
            assertThat(second.result().dataOut()).isEqualTo(syn4(MAPPED, new byte[0]));
            assertThat(ParserRig.outcomeOf(other.delta())).as("another function is not held back")
                    .isEqualTo(PrewarmLayout.STAT_EVENT_OPTION);
        }
    }

    @Test
    void eventAfterTheCooldownCarriesTheSuppressedCount() {
        Duration cooldown = Duration.ofMillis(20);
        try (ParserRig cool = new ParserRig(cooldown)) {
            cool.ports.put(MAPPED, MAPPED_FN);
            long suppressedInEvents = 0;
            long suppressedCounted = 0;
            long lastEventNs = 0;
            for (int i = 0; i < 5; i++) {
                ParserRig.Outcome o = cool.run(AttachMode.XDP, syn4(MAPPED, new byte[0]));
                suppressedCounted += o.delta().suppressed();
                for (SynEvent e : o.events()) {
                    suppressedInEvents += e.suppressed();
                    lastEventNs = e.ktimeNs();
                }
            }
            // time must pass in the kernel's clock; this is the thing under test, not a wait for a condition
            while (System.nanoTime() - lastEventNs <= cooldown.toNanos()) {
                Thread.onSpinWait();
            }
            ParserRig.Outcome after = cool.run(AttachMode.XDP, syn4(MAPPED, new byte[0]));
            assertThat(after.events()).hasSize(1);
            suppressedInEvents += after.events().getFirst().suppressed();
            assertThat(suppressedCounted).as("at least one of 5 back-to-back SYNs").isPositive();
            assertThat(suppressedInEvents).isEqualTo(suppressedCounted);
        }
    }
}
