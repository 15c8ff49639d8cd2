package dev.synwarm.net;

import dev.synwarm.sys.KillPoint;
import dev.synwarm.sys.Proc;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.RunId;
import dev.synwarm.sys.SystemException;
import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The client namespace and the edge, joined by an emulated WAN:
 *
 * <pre>
 *  netns sw-ID-client: sw-ID-c (10.77.N.1) ⇄ sw-ID-cw (root, no IP, no ARP)
 *       ~~ delay line or tc wire + netem ~~ sw-ID-ew (root, no IP) ⇄ sw-ID-e (root, 10.77.N.2, edge)
 * </pre>
 *
 * The delay sits between the two no-IP ends, so anything attached to the edge interface's ingress (the
 * XDP/TC probe) sees a client's SYN only after the client→edge delay. Neighbour entries are static (ARP
 * never crosses the line), IPv6 is off on every end (no RS/MLD/DAD chatter in the line), and the client
 * processes get a cgroup v2 {@code sw-ID} for the sock_ops program. Everything is registered in the run's
 * {@link Resources} as it is made.
 */
public final class Topology implements AutoCloseable {
    private static final Duration WARM_UP_SLACK = Duration.ofSeconds(3);

    private final Resources res;
    private final RunId run;
    private final int subnet;
    private final Deque<String> owned = new ArrayDeque<>();
    private final Path cgroup;
    private final int edgeIfindex;
    private String emulatorEntry;

    private Topology(Resources res, int subnet, Path cgroup, int edgeIfindex, Deque<String> owned) {
        this.res = res;
        this.run = res.runId();
        this.subnet = subnet;
        this.cgroup = cgroup;
        this.edgeIfindex = edgeIfindex;
        this.owned.addAll(owned);
    }

    /** Builds namespace, veths, addresses, neighbours and the client cgroup for {@code res}'s run. */
    public static Topology create(Resources res) {
        Deque<String> owned = new ArrayDeque<>();
        try {
            return Subnets.allocate(n -> build(res, n, owned));
        } catch (RuntimeException e) {
            owned.forEach(res::releaseNow); // newest first: addFirst below
            throw e;
        }
    }

    private static Topology build(Resources res, int n, Deque<String> owned) {
        RunId id = res.runId();
        String ns = id.name("client");
        String c = id.name("c");
        String cw = id.name("cw");
        String ew = id.name("ew");
        String e = id.name("e");
        String clientIp = "10.77." + n + ".1";
        String edgeIp = "10.77." + n + ".2";
        String clientMac = String.format("02:77:%02x:00:00:01", n);
        String edgeMac = String.format("02:77:%02x:00:00:02", n);

        Ip.run("netns", "add", ns);
        own(res, owned, "netns " + ns, () -> Ip.deleteNetns(ns));
        KillPoint.reached("topology.netns", id);
        // before the veth end moves in, so it is created with IPv6 off
        Ip.inNetns(ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        Ip.run("-n", ns, "link", "set", "lo", "up");

        Ip.run("link", "add", c, "address", clientMac, "type", "veth", "peer", "name", cw);
        own(res, owned, "link " + cw, () -> Ip.deleteLink(cw));
        KillPoint.reached("topology.veth", id);
        Ip.run("link", "set", c, "netns", ns);
        Ip.run("link", "add", e, "address", edgeMac, "type", "veth", "peer", "name", ew);
        own(res, owned, "link " + e, () -> Ip.deleteLink(e));

        for (String dev : List.of(cw, ew, e)) {
            disableIpv6(dev);
        }
        Ip.run("link", "set", cw, "arp", "off", "up");
        Ip.run("link", "set", ew, "arp", "off", "up");
        Ip.run("addr", "add", edgeIp + "/24", "dev", e);
        Ip.run("link", "set", e, "up");
        Ip.run("-n", ns, "addr", "add", clientIp + "/24", "dev", c);
        Ip.run("-n", ns, "link", "set", c, "up");
        Ip.run("-n", ns, "neigh", "replace", edgeIp, "lladdr", edgeMac, "dev", c, "nud", "permanent");
        Ip.run("neigh", "replace", clientIp, "lladdr", clientMac, "dev", e, "nud", "permanent");

        Path cg = Cgroups.create(id.name(""));
        own(res, owned, "cgroup " + cg, () -> Cgroups.remove(cg));
        return new Topology(res, n, cg, ifindex(e), owned);
    }

    private static void own(Resources res, Deque<String> owned, String what, Resources.Release release) {
        res.add(what, release);
        owned.addFirst(what);
    }

    /**
     * The backend {@link #emulate} would use for {@code choice}: netem when the kernel has it (AUTO), else
     * the delay line.
     *
     * @throws UsageException for NETEM on a kernel without sch_netem
     */
    public String backendFor(EmulatorChoice choice) {
        return switch (choice) {
            case DELAYLINE -> DelayLineProcess.BACKEND;
            case AUTO -> NetemSupport.available(res) ? NetemEmulator.BACKEND : DelayLineProcess.BACKEND;
            case NETEM -> {
                if (!NetemSupport.available(res)) {
                    throw new UsageException("--emulator netem: this kernel has no sch_netem (tc says "
                            + "'Specified qdisc kind is unknown'); use --emulator delayline or auto");
                }
                yield NetemEmulator.BACKEND;
            }
        };
    }

    /** Starts {@code link} on the path (replacing an emulator started before) and registers it. */
    public LatencyEmulator emulate(LinkSpec link, EmulatorChoice choice) {
        closeEmulator();
        boolean netem = backendFor(choice).equals(NetemEmulator.BACKEND);
        String cw = run.name("cw");
        String ew = run.name("ew");
        LatencyEmulator emulator = netem
                ? NetemEmulator.start(NetemEmulator.Tools.detect("tc"), cw, ew, link)
                : DelayLineProcess.start(run, DelayLineConfig.of(cw, ew, link));
        String what = "emulator " + emulator.backend() + " " + cw + "<->" + ew;
        res.add(what, emulator::close);
        emulatorEntry = what;
        if (emulator instanceof DelayLineProcess line) {
            warmUp(link);
            line.resetStats(); // the counters then describe the caller's traffic only
        }
        return new Registered(emulator, what);
    }

    /**
     * Sends a burst of pings through a fresh delay line so the JIT has compiled its paths before anyone
     * measures (the first 10–30 connections through a cold line came out up to 6 ms late).
     */
    private void warmUp(LinkSpec link) {
        Duration deadline = link.expectedRtt().plus(WARM_UP_SLACK);
        Proc.run(inClient(List.of("ping", "-q", "-n", "-c", "500", "-l", "100", "-i", "0.0005",
                "-w", Long.toString(Math.max(1, deadline.toSeconds() + 1)), edgeAddress().getHostAddress())),
                deadline.plusSeconds(5)); // lost pings make ping exit 1: only the traffic matters here
    }

    /**
     * Joins the two WAN ends with a plain tc wire and no delay, so a caller can measure the stack's own
     * cost as a baseline. It counts as the current emulator: {@link #emulate} replaces it.
     */
    Wire directWire() {
        closeEmulator();
        LatencyEmulator wire = NetemEmulator.wireOnly("tc", run.name("cw"), run.name("ew"));
        String what = "tc wire " + run.name("cw") + "<->" + run.name("ew");
        res.add(what, wire::close);
        emulatorEntry = what;
        return () -> {
            res.releaseNow(what);
            if (what.equals(emulatorEntry)) {
                emulatorEntry = null;
            }
        };
    }

    /** The plain wire of {@link #directWire}; closing removes it. */
    interface Wire extends AutoCloseable {
        @Override
        void close();
    }

    private void closeEmulator() {
        if (emulatorEntry != null) {
            res.releaseNow(emulatorEntry);
            emulatorEntry = null;
        }
    }

    /** An emulator whose close also forgets it in the registry. */
    private final class Registered implements LatencyEmulator {
        private final LatencyEmulator inner;
        private final String what;

        Registered(LatencyEmulator inner, String what) {
            this.inner = inner;
            this.what = what;
        }

        @Override
        public String backend() {
            return inner.backend();
        }

        @Override
        public LinkSpec link() {
            return inner.link();
        }

        @Override
        public Optional<DelayLineStats> lineStats() {
            return inner.lineStats();
        }

        @Override
        public OptionalLong cpuTimeNs() {
            return inner.cpuTimeNs();
        }

        @Override
        public void close() {
            res.releaseNow(what);
            if (what.equals(emulatorEntry)) {
                emulatorEntry = null;
            }
        }
    }

    public RunId runId() {
        return run;
    }

    public String clientNetns() {
        return run.name("client");
    }

    /** The edge's interface in the root namespace: where the XDP/TC probe attaches. */
    public String edgeInterface() {
        return run.name("e");
    }

    public int edgeIfindex() {
        return edgeIfindex;
    }

    /** The no-IP root-namespace ends the emulator joins: client side, edge side. */
    public List<String> wanInterfaces() {
        return List.of(run.name("cw"), run.name("ew"));
    }

    public InetAddress clientAddress() {
        return address(1);
    }

    public InetAddress edgeAddress() {
        return address(2);
    }

    public Path clientCgroup() {
        return cgroup;
    }

    /**
     * {@code argv} wrapped so it runs in the client cgroup and then the client namespace. The cgroup is
     * joined first (by the wrapper shell writing its own pid), because entering a namespace with
     * {@code ip netns exec} remounts /sys and hides the cgroup file system; {@code nsenter --net} then
     * switches only the network namespace. Children inherit both.
     */
    public List<String> inClient(List<String> argv) {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c",
                "cg=$1; ns=$2; shift 2; echo $$ > \"$cg\" && exec nsenter --net=\"$ns\" -- \"$@\"",
                "sw-inclient", cgroup.resolve("cgroup.procs").toString(), Ip.netnsPath(clientNetns())));
        cmd.addAll(argv);
        return cmd;
    }

    /** Removes the emulator, cgroup, links and namespace (newest first). */
    @Override
    public void close() {
        closeEmulator();
        while (!owned.isEmpty()) {
            res.releaseNow(owned.pollFirst());
        }
    }

    private InetAddress address(int host) {
        try {
            return InetAddress.getByAddress(new byte[] {10, 77, (byte) subnet, (byte) host});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void disableIpv6(String dev) {
        Path p = Path.of("/proc/sys/net/ipv6/conf", dev, "disable_ipv6");
        try {
            if (Files.exists(p)) {
                Files.writeString(p, "1");
            }
        } catch (IOException e) {
            throw new SystemException("cannot disable IPv6 on " + dev + ": " + e.getMessage(), e);
        }
    }

    private static int ifindex(String dev) {
        try {
            return Integer.parseInt(Files.readString(Path.of("/sys/class/net", dev, "ifindex")).strip());
        } catch (IOException | NumberFormatException e) {
            throw new SystemException("cannot read the ifindex of " + dev + ": " + e.getMessage(), e);
        }
    }
}
