package dev.synwarm.bpf;

/**
 * The probe's in-kernel counters. {@code frames} counts every frame the hook saw; each frame lands in
 * exactly one of the other counters, so they sum to {@code frames}.
 */
public record ProbeStats(long frames, long notIp, long malformed, long fragments, long notTcp, long notSyn,
                         long unknownFunction, long eventsByPort, long eventsByOption, long suppressed,
                         long ringBufferFull) {

    public long events() {
        return eventsByPort + eventsByOption;
    }

    /** The counters of two measurements together. */
    public ProbeStats plus(ProbeStats other) {
        return add(other, 1);
    }

    /** Counters accumulated since {@code earlier}. */
    public ProbeStats minus(ProbeStats earlier) {
        return add(earlier, -1);
    }

    private ProbeStats add(ProbeStats o, long sign) {
        return new ProbeStats(frames + sign * o.frames, notIp + sign * o.notIp, malformed + sign * o.malformed,
                fragments + sign * o.fragments, notTcp + sign * o.notTcp, notSyn + sign * o.notSyn,
                unknownFunction + sign * o.unknownFunction, eventsByPort + sign * o.eventsByPort,
                eventsByOption + sign * o.eventsByOption, suppressed + sign * o.suppressed,
                ringBufferFull + sign * o.ringBufferFull);
    }
}
