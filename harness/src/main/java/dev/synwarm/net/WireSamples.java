package dev.synwarm.net;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns the frames {@link LinkTap} saw into what the emulated link itself added to each of the calibration
 * client's measured exchanges: a connect is the SYN's passage plus the SYN-ACK's, an rr exchange the
 * request's plus the response's. Time spent in the hosts (the client's and edge's stacks, process
 * wake-ups, the echo server) is outside the link and not counted; ping measures the same way, from
 * kernel timestamps. Pure: no I/O.
 *
 * <p>Which exchange is which follows {@link CalibrationClient}'s schedule: connect rounds first (each
 * round one connection per client wait mode, in order), then rr connections of {@code rrChunk} rounds each
 * (one per wait mode per chunk), each opened by an unmeasured hello exchange. Rounds before
 * {@code warmup} are dropped, as the client drops them.
 */
final class WireSamples {
    private WireSamples() {}

    /** The link's share of each measured exchange, in ms, in the client's order. */
    record Samples(double[] connectMs, double[] rrMs) {}

    /** One frame's entry into the link and, unless it was lost there, its exit ({@code delayNs} ≥ 0). */
    record Passage(WireFrame entered, long delayNs) {
        boolean passed() {
            return delayNs >= 0;
        }
    }

    static Samples of(List<WireFrame> frames, int warmup, int waits, int rrChunk) {
        List<Connection> connections = connections(passages(frames));
        List<Double> connect = new ArrayList<>();
        List<Double> rr = new ArrayList<>();
        int connects = 0;
        int rrConnections = 0;
        for (Connection c : connections) {
            if (!c.carriesData()) {
                int round = connects++ / waits;
                Passage syn = c.first(p -> p.entered().towardsEdge() && p.entered().isSyn());
                Passage synAck = c.first(p -> !p.entered().towardsEdge() && p.entered().isSynAck());
                if (round >= warmup && syn != null && synAck != null) {
                    connect.add((syn.delayNs() + synAck.delayNs()) / 1e6);
                }
            } else {
                int chunk = rrConnections++ / waits;
                List<Passage> requests = c.requests();
                for (int e = 1; e < requests.size(); e++) { // e = 0 is the hello
                    int round = chunk * rrChunk + e - 1;
                    Passage response = c.responseTo(requests.get(e));
                    if (round >= warmup && response != null) {
                        rr.add((requests.get(e).delayNs() + response.delayNs()) / 1e6);
                    }
                }
            }
        }
        return new Samples(toArray(connect), toArray(rr));
    }

    /**
     * Pairs each frame entering the link with the same frame leaving it at the other end (the first such
     * exit not before the entry); a frame with no exit was lost in the link.
     */
    static List<Passage> passages(List<WireFrame> frames) {
        Map<String, Deque<WireFrame>> exits = new HashMap<>();
        frames.stream().filter(f -> !f.entering()).sorted(Comparator.comparingLong(WireFrame::timeNs))
                .forEach(f -> exits.computeIfAbsent(exitKey(f.towardsEdge(), f.key()), k -> new ArrayDeque<>()).add(f));
        List<Passage> out = new ArrayList<>();
        frames.stream().filter(WireFrame::entering).sorted(Comparator.comparingLong(WireFrame::timeNs)).forEach(f -> {
            Deque<WireFrame> q = exits.getOrDefault(exitKey(f.towardsEdge(), f.key()), new ArrayDeque<>());
            while (!q.isEmpty() && q.peekFirst().timeNs() < f.timeNs()) {
                q.pollFirst(); // an exit before this entry belongs to an earlier identical frame
            }
            WireFrame exit = q.pollFirst();
            out.add(new Passage(f, exit == null ? -1 : exit.timeNs() - f.timeNs()));
        });
        return out;
    }

    private static String exitKey(boolean towardsEdge, String key) {
        return (towardsEdge ? ">" : "<") + key;
    }

    /**
     * Splits passages (in entry order) into connections by client port; a SYN towards the edge with a new
     * initial sequence number starts a new one (a reused port), a retransmitted SYN (same number) does not.
     */
    static List<Connection> connections(List<Passage> passages) {
        Map<Integer, Connection> open = new LinkedHashMap<>();
        List<Connection> all = new ArrayList<>();
        for (Passage p : passages) {
            WireFrame f = p.entered();
            Connection c = open.get(f.clientPort());
            boolean syn = f.towardsEdge() && f.isSyn();
            if (syn && (c == null || c.synSeq != f.seq())) {
                c = new Connection(f.seq());
                open.put(f.clientPort(), c);
                all.add(c);
            }
            if (c != null) { // without one: traffic of a connection that started before the tap
                c.passages.add(p);
            }
        }
        return all;
    }

    /** One TCP connection's passages, in entry order. */
    static final class Connection {
        private final long synSeq;
        private final List<Passage> passages = new ArrayList<>();

        private Connection(long synSeq) {
            this.synSeq = synSeq;
        }

        boolean carriesData() {
            return passages.stream().anyMatch(p -> p.entered().towardsEdge() && p.entered().payloadBytes() > 0);
        }

        Passage first(Predicate<Passage> which) {
            return passages.stream().filter(Passage::passed).filter(which).findFirst().orElse(null);
        }

        /** Each request (data towards the edge) once, by sequence number: the first copy that passed. */
        List<Passage> requests() {
            Map<Long, Passage> bySeq = new LinkedHashMap<>();
            for (Passage p : passages) {
                WireFrame f = p.entered();
                if (f.towardsEdge() && f.payloadBytes() > 0 && p.passed()) {
                    bySeq.putIfAbsent(f.seq(), p);
                }
            }
            return List.copyOf(bySeq.values());
        }

        /** The first data towards the client that entered the link after {@code request} left it. */
        Passage responseTo(Passage request) {
            long left = request.entered().timeNs() + request.delayNs();
            return first(p -> !p.entered().towardsEdge() && p.entered().payloadBytes() > 0
                    && p.entered().timeNs() >= left);
        }
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
