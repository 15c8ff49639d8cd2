package dev.synwarm.experiment;

import dev.synwarm.client.ClientJob;
import dev.synwarm.client.ClientResult;
import dev.synwarm.gateway.EdgeRecord;
import dev.synwarm.stats.Bootstrap;
import dev.synwarm.stats.Interval;
import dev.synwarm.stats.Sample;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the gateway adds to a request (issue 5, target 4: ≤ 0.3 ms at the median): the experiment
 * client's own request code ({@link InProcessClient}: a fresh TCP connection per request, plain HTTP/1.1,
 * {@code Connection: close}, read to EOF) against one warm fn-static container (host network, so no
 * docker-proxy in either path), either directly at the container's endpoint or through the gateway's
 * plain port for the function in warm mode, which forwards to that very endpoint. Loopback only, no
 * emulated link: the figure is the gateway's accept, head parsing, lease, upstream connect and relay.
 *
 * <p>Each pair of requests is one direct and one via the gateway, back to back, in alternating order
 * (so neither side always runs right after the other); the time of a request is the client's connect
 * start → last byte. Warm-up requests on both paths first (JIT of client, gateway and the container's
 * own accept path), unmeasured.
 */
public final class GatewayOverhead {
    /** @param pairs measured pairs; @param warmups unmeasured requests on each path before them */
    public record Settings(int pairs, int warmups) {
        public Settings {
            if (pairs < Bootstrap.MIN_N || warmups < 0) {
                throw new IllegalArgumentException("pairs " + pairs + ", warmups " + warmups);
            }
        }
    }

    /**
     * Per-pair client times (ns) and the gateway's own records of the measured requests.
     *
     * @param directNs  connect start → last byte, straight to the container
     * @param gatewayNs the same through the gateway, index i measured next to directNs[i]
     */
    public record Result(long[] directNs, long[] gatewayNs, List<EdgeRecord> edge) {
        /** median(via gateway) − median(direct), ms. */
        public double medianDifferenceMs() {
            return (ms(gatewayNs).median() - ms(directNs).median());
        }

        /** Bootstrap 95 % interval of {@link #medianDifferenceMs()}, empty when too few pairs. */
        public Optional<Interval> medianDifferenceCi() {
            return new Bootstrap(Bootstrap.DEFAULT_RESAMPLES, 5L)
                    .interval(ms(gatewayNs), ms(directNs), Bootstrap.MEDIAN_DIFFERENCE, 0.95, 0);
        }

        /** The gateway's head read → forwarded, ms, per measured request that has both points. */
        public Sample headToForwardedMs() {
            return Sample.of(edge.stream().mapToDouble(EdgeRecord::forwardingOverheadMs).toArray());
        }

        private static Sample ms(long[] ns) {
            double[] v = new double[ns.length];
            for (int i = 0; i < ns.length; i++) {
                v[i] = ns[i] / 1e6;
            }
            return Sample.of(v);
        }
    }

    private GatewayOverhead() {}

    /** Starts the container and the gateway, measures, stops both. Needs root and the fn-static image. */
    public static Result measure(Settings settings) {
        ConcurrentLinkedQueue<EdgeRecord> records = new ConcurrentLinkedQueue<>();
        long[] d = new long[settings.pairs()];
        long[] g = new long[settings.pairs()];
        try (WarmForwardBed bed = new WarmForwardBed(records::add)) {
            for (int i = 0; i < settings.warmups(); i++) {
                bed.request(bed.direct(null));
                bed.request(bed.viaGateway(null));
            }
            for (int i = 0; i < settings.pairs(); i++) {
                if (i % 2 == 0) {
                    d[i] = time(bed, bed.direct(null));
                    g[i] = time(bed, bed.viaGateway("gw-" + i));
                } else {
                    g[i] = time(bed, bed.viaGateway("gw-" + i));
                    d[i] = time(bed, bed.direct(null));
                }
            }
        } // a record may trail its response by a moment and be missed: the records are diagnostics only
        return new Result(d, g, List.copyOf(records));
    }

    private static long time(WarmForwardBed bed, ClientJob job) {
        ClientResult r = bed.request(job);
        return r.doneNs() - r.connectStartNs();
    }
}
