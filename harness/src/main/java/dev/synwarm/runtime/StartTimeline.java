package dev.synwarm.runtime;

import java.time.Duration;

/**
 * One cold start on the harness clock ({@code System.nanoTime()}, CLOCK_MONOTONIC): when the create and
 * start calls to the engine were issued and returned, and when the function first answered HTTP 200.
 */
public record StartTimeline(
        long createIssuedNs, long createReturnedNs, long startIssuedNs, long startReturnedNs, long readyNs) {

    public Duration create() {
        return Duration.ofNanos(createReturnedNs - createIssuedNs);
    }

    public Duration start() {
        return Duration.ofNanos(startReturnedNs - startIssuedNs);
    }

    /** From the start call's return to the first HTTP 200: the function's own boot and init. */
    public Duration startReturnedToReady() {
        return Duration.ofNanos(readyNs - startReturnedNs);
    }

    /** The whole cold path: create issued → first HTTP 200. */
    public Duration total() {
        return Duration.ofNanos(readyNs - createIssuedNs);
    }
}
