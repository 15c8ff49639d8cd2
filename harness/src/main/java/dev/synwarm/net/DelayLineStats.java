package dev.synwarm.net;

/** Counters of one delay line, per direction ({@code aToB} is client → edge in a {@link Topology}). */
public record DelayLineStats(Direction aToB, Direction bToA) {
    /**
     * @param received frames read from the inbound interface
     * @param sent frames written to the outbound interface
     * @param lost frames dropped on purpose (the link's loss)
     * @param overflow frames dropped because the queue was full
     * @param sendErrors frames the kernel refused to send
     * @param kernelDrops frames the kernel dropped before we read them (receive buffer full)
     * @param lateOver200us frames sent more than 200 µs after their deadline
     * @param maxLateNs the largest lateness of any frame
     */
    public record Direction(long received, long sent, long lost, long overflow, long sendErrors, long kernelDrops,
            long lateOver200us, long maxLateNs) {}
}
