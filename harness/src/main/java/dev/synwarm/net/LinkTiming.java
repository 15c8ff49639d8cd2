package dev.synwarm.net;

/**
 * What the emulated link itself added to calibrate's measured exchanges, in ms, from kernel timestamps of
 * the frames entering and leaving it at its two ends ({@link LinkTap}, {@link WireSamples}): connect is the
 * SYN's and the SYN-ACK's passage, rr the request's and the response's. Errors are against 2 × one-way.
 * Unlike the client's own figures it leaves out the hosts (stacks, process wake-ups, the echo server), as
 * ping does; {@code pingMinusConnectP50Ms} compares the two kernel-timestamped views. {@code
 * unstampedFrames} counts frames left out for lack of a kernel timestamp.
 */
public record LinkTiming(
        int connectSamples,
        double connectP50Ms,
        double connectP99Ms,
        double connectP50ErrorMs,
        double connectP99ErrorMs,
        int rrSamples,
        double rrP50Ms,
        double rrP99Ms,
        double rrP50ErrorMs,
        double rrP99ErrorMs,
        double pingMinusConnectP50Ms,
        long unstampedFrames) {}
