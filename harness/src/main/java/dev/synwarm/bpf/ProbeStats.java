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

    /** Counters accumulated since {@code earlier}. */
    public ProbeStats minus(ProbeStats earlier) {
        return new ProbeStats(frames - earlier.frames, notIp - earlier.notIp, malformed - earlier.malformed,
                fragments - earlier.fragments, notTcp - earlier.notTcp, notSyn - earlier.notSyn,
                unknownFunction - earlier.unknownFunction, eventsByPort - earlier.eventsByPort,
                eventsByOption - earlier.eventsByOption, suppressed - earlier.suppressed,
                ringBufferFull - earlier.ringBufferFull);
    }
}
