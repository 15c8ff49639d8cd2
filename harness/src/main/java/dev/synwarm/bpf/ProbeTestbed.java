package dev.synwarm.bpf;

import dev.synwarm.sys.Proc;
import dev.synwarm.sys.Resources;
import dev.synwarm.sys.RunId;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal client/edge pair for exercising the probe (its tests and {@code probe --latency}): a client
 * namespace {@code sw-<id>-pn} joined to the root namespace by the veth pair {@code sw-<id>-pc} ⇄
 * {@code sw-<id>-pe} on a free 10.77.N.0/24 (N ≥ 200, checked against the root namespace's addresses),
 * a client cgroup v2 {@code sw-<id>-pcg}, and listeners on the edge address. No emulated delay: that
 * is the net package's topology. Everything is registered in {@link Resources}.
 */
public final class ProbeTestbed {
    private final String netns;
    private final String edgeIface;
    private final InetAddress edge;
    private final InetAddress client;
    private final Path cgroup;
    private final Resources res;

    private ProbeTestbed(String netns, String edgeIface, InetAddress edge, InetAddress client, Path cgroup, Resources res) {
        this.netns = netns;
        this.edgeIface = edgeIface;
        this.edge = edge;
        this.client = client;
        this.cgroup = cgroup;
        this.res = res;
    }

    public static ProbeTestbed create(Resources res) {
        RunId id = res.runId();
        String ns = id.name("pn");
        String pe = id.name("pe");
        String pc = id.name("pc");
        int subnet = freeSubnet();
        String edgeIp = "10.77." + subnet + ".1";
        String clientIp = "10.77." + subnet + ".2";
        Proc.run("ip", "netns", "add", ns).orThrow();
        res.add("netns " + ns, () -> Proc.run("ip", "netns", "del", ns).orThrow());
        Proc.run("ip", "link", "add", pe, "type", "veth", "peer", "name", pc, "netns", ns).orThrow();
        res.add("veth " + pe, () -> Proc.run("ip", "link", "del", pe).orThrow());
        Proc.run("ip", "addr", "add", edgeIp + "/24", "dev", pe).orThrow();
        Proc.run("ip", "link", "set", pe, "up").orThrow();
        Proc.run("ip", "-n", ns, "addr", "add", clientIp + "/24", "dev", pc).orThrow();
        Proc.run("ip", "-n", ns, "link", "set", pc, "up").orThrow();
        Proc.run("ip", "-n", ns, "link", "set", "lo", "up").orThrow();
        Path cg = dev.synwarm.sys.Mounts.requireCgroup2().resolve(id.name("pcg"));
        try {
            Files.createDirectory(cg);
        } catch (IOException e) {
            throw new SystemException("cannot create cgroup " + cg + ": " + e.getMessage(), e);
        }
        res.add("cgroup " + cg, () -> Files.delete(cg));
        try {
            return new ProbeTestbed(ns, pe, InetAddress.getByName(edgeIp), InetAddress.getByName(clientIp), cg, res);
        } catch (IOException e) {
            throw new AssertionError(e); // literal addresses
        }
    }

    /** The root-namespace end, where the probe attaches. */
    public String edgeIface() {
        return edgeIface;
    }

    public InetAddress edgeAddress() {
        return edge;
    }

    public InetAddress clientAddress() {
        return client;
    }

    /** The cgroup the client connections run in (for a {@link FnIdTagger}). */
    public Path clientCgroup() {
        return cgroup;
    }

    /** Accepts (and closes) connections on the edge address, until {@code res} is closed. */
    public void listen(int port) {
        ServerSocket server;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(edge, port), 512);
        } catch (IOException e) {
            throw new SystemException("cannot listen on " + edge.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
        res.add("listener " + edge.getHostAddress() + ":" + port, server::close);
        Thread.ofVirtual().name("sw-testbed-accept-" + port).start(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.setSoLinger(true, 0);
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
    }

    /**
     * Opens {@code count} TCP connections from the client namespace to the edge, {@code gap} apart, from a
     * bash that joined the client cgroup first ({@code ip netns exec} remounts /sys, so not after).
     */
    public void connect(int port, int count, Duration gap) {
        String loop = String.format(Locale.ROOT,
                "for i in $(seq %d); do exec 3<>/dev/tcp/%s/%d; exec 3<&-; %s done",
                count, edge.getHostAddress(), port, gap.isZero() ? "" : String.format(Locale.ROOT, "sleep %.6f;", gap.toNanos() / 1e9));
        String script = "echo $$ > " + cgroup.resolve("cgroup.procs") + " && exec ip netns exec " + netns + " bash -c '" + loop + "'";
        // generous: under CPU load (what the latency comparison does on purpose) bash forks slowly
        Duration timeout = Duration.ofSeconds(30).plus(gap.plusMillis(50).multipliedBy(count));
        Proc.run(List.of("sh", "-c", script), timeout).orThrow();
    }

    /** A 10.77.N.0/24 (N in 200..254) no root-namespace address uses. */
    private static int freeSubnet() {
        String used = Proc.run("ip", "-o", "-4", "addr", "show").orThrow().stdout();
        List<Integer> free = new ArrayList<>();
        for (int n = 200; n <= 254; n++) {
            if (!used.contains(" 10.77." + n + ".")) {
                free.add(n);
            }
        }
        if (free.isEmpty()) {
            throw new SystemException("no free 10.77.200-254.0/24 subnet for the probe testbed");
        }
        return free.get(ThreadLocalRandom.current().nextInt(free.size()));
    }
}
