package dev.synwarm.runtime;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A started function container. {@code endpoint} is on 127.0.0.1. {@code reportedInit} is what the
 * function measured itself (entry of its code → listening socket), and {@code listeningNs} the
 * CLOCK_MONOTONIC moment it reports to have started listening, so {@code timeline().readyNs() -
 * listeningNs} is how late the harness noticed readiness.
 */
public record Instance(
        String containerId,
        InetSocketAddress endpoint,
        StartTimeline timeline,
        Duration reportedInit,
        long listeningNs,
        String name,
        FunctionSpec spec) {

    /** How long after the function started listening the harness saw its first HTTP 200. */
    public Duration readinessLag() {
        return Duration.ofNanos(timeline.readyNs() - listeningNs);
    }

    /**
     * How late polling noticed readiness: the first 200 after the later of "function listening" and "start
     * call returned" (polling begins then). The probe's own precision, without the engine's return latency.
     */
    public Duration pollLag() {
        return Duration.ofNanos(timeline.readyNs() - Math.max(listeningNs, timeline.startReturnedNs()));
    }
}
