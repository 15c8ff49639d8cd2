package dev.synwarm.model;

import dev.synwarm.scenario.Mode;
import dev.synwarm.scenario.Protocol;
import java.util.OptionalDouble;

/**
 * The latency model of the study. With R the request's arrival at the edge, T the trigger, I the cold
 * path, S = E + G execution plus gateway and L the return trip:
 *
 * <pre>
 *   cold      ≈ R + I + S + L                  (the instance starts when the request arrives)
 *   pre-warm  ≈ max(R, T + I) + S + L          (it starts at T; the request waits only for what is left)
 *   warm      ≈ R + S + L                      (the limit: nothing left to wait for)
 *   saving    = cold − pre-warm = R + I − max(R, T + I) = min(I, R − T)
 * </pre>
 *
 * so the saving grows with the accumulated latency R − T until it equals I, and a pre-warmed request is
 * then as fast as a warm one. Break-even: R − T = I, i.e. L* = I / (2 × round trips after the trigger).
 * R, T and the return trip are shifted by measured overheads: H on R (handshake computation and the
 * link's error on the way in), D on T (the trigger's delivery to the gateway) and X on the way back
 * (the link's error and reading the response); all are read off the same timeline as everything else.
 */
public final class LatencyModel {
    private LatencyModel() {}

    /**
     * @param triggerDelayMs D: measured delay between the nominal trigger time and the trigger reaching
     *     the gateway (probe → ring buffer → listener, or ClientHello parsing); ignored for cold and warm
     */
    public static Prediction predict(Protocol p, Mode m, ModelTerms t, double triggerDelayMs) {
        double l = t.oneWayMs();
        double i = t.coldPathMs();
        double r = Timeline.requestAtEdgeMs(p, l) + t.requestOverheadMs();
        double back = t.serviceMs() + l + t.responseOverheadMs();
        double accumulated = Timeline.accumulatedMs(p, m, l);
        double ideal = idealSavingMs(p, m, l, i);
        OptionalDouble trigger = Timeline.triggerAtEdgeMs(p, m, l);
        double ready;
        double e2e;
        if (m == Mode.WARM) {
            ready = Double.NaN;
            e2e = r + back;
        } else if (trigger.isPresent()) {
            ready = trigger.getAsDouble() + triggerDelayMs + i;
            e2e = Math.max(r, ready) + back;
        } else { // cold, and sni under http (no ClientHello to learn from)
            ready = r + i;
            e2e = ready + back;
        }
        return new Prediction(e2e, r, ready, ideal, accumulated);
    }

    /** min(I, R − T) on the nominal timeline; I for warm (the limit), 0 for cold. */
    public static double idealSavingMs(Protocol p, Mode m, double oneWayMs, double coldPathMs) {
        return switch (m) {
            case COLD -> 0;
            case WARM -> coldPathMs;
            case SYN_PORT, SYN_OPTION, SNI -> Math.min(coldPathMs, Timeline.accumulatedMs(p, m, oneWayMs));
        };
    }

    /**
     * The one-way latency from which the handshake hides the whole cold path: I / (2 × round trips after
     * the trigger); empty for modes that never hide anything (cold, warm, sni under http).
     */
    public static OptionalDouble breakEvenOneWayMs(Protocol p, Mode m, double coldPathMs) {
        int rtts = Timeline.roundTripsAfterTrigger(p, m);
        return rtts == 0 ? OptionalDouble.empty() : OptionalDouble.of(coldPathMs / (2.0 * rtts));
    }
}
