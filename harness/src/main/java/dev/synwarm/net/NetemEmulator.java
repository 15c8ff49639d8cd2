package dev.synwarm.net;

import dev.synwarm.sys.Proc;
import java.util.ArrayList;
import java.util.List;

/**
 * The netem backend: the two no-IP veth ends of a {@link Topology} are wired together with tc
 * ({@link TcWire}) and each gets a netem qdisc on its egress, so client→edge frames are delayed on the
 * edge-side end before they reach the edge interface (and its XDP probe), edge→client frames on the
 * client-side end. Never an ingress/ifb qdisc on the edge: XDP would see the SYN before the delay.
 */
final class NetemEmulator implements LatencyEmulator {
    static final String BACKEND = "netem";

    private final LinkSpec link;
    private final List<List<String>> undo = new ArrayList<>();
    private boolean closed;

    private NetemEmulator(LinkSpec link) {
        this.link = link;
    }

    /**
     * Applies {@code link} between {@code clientSide} and {@code edgeSide}. {@code tc} is the tc binary;
     * {@code tcset}/{@code tcdel} are tcconfig's, or null to build the qdisc with tc.
     */
    static NetemEmulator start(Tools tools, String clientSide, String edgeSide, LinkSpec link) {
        NetemEmulator e = new NetemEmulator(link);
        try {
            e.run(TcWire.connect(tools.tc(), clientSide, edgeSide), TcWire.disconnect(tools.tc(), clientSide));
            e.run(TcWire.connect(tools.tc(), edgeSide, clientSide), TcWire.disconnect(tools.tc(), edgeSide));
            for (String dev : List.of(edgeSide, clientSide)) {
                e.run(List.of(NetemCommands.apply(tools.tool(), tools.setter(), dev, link)),
                        NetemCommands.remove(tools.tool(), tools.remover(), dev));
            }
            return e;
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    /** Only the wire, no delay: the baseline path for calibration. */
    static NetemEmulator wireOnly(String tc, String clientSide, String edgeSide) {
        NetemEmulator e = new NetemEmulator(LinkSpec.of(java.time.Duration.ZERO));
        try {
            e.run(TcWire.connect(tc, clientSide, edgeSide), TcWire.disconnect(tc, clientSide));
            e.run(TcWire.connect(tc, edgeSide, clientSide), TcWire.disconnect(tc, edgeSide));
            return e;
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    /** The programs that build the qdiscs. */
    record Tools(String tc, NetemCommands.Tool tool, String setter, String remover) {
        /** tcconfig when installed (as the brief asks), else plain tc. */
        static Tools detect(String tc) {
            return Proc.onPath("tcset") && Proc.onPath("tcdel")
                    ? new Tools(tc, NetemCommands.Tool.TCCONFIG, "tcset", "tcdel")
                    : new Tools(tc, NetemCommands.Tool.TC, tc, tc);
        }
    }

    private void run(List<List<String>> commands, List<String> reverse) {
        for (List<String> c : commands) {
            Proc.run(c).orThrow();
        }
        undo.addFirst(reverse);
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public LinkSpec link() {
        return link;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (List<String> c : undo) {
            Proc.run(c); // best effort: a link deleted under us took its qdiscs with it
        }
    }
}
