package dev.synwarm.gateway;

/** Where one instance start spent its time, CLOCK_MONOTONIC ns (System.nanoTime). */
public record StartTimes(long createIssuedNs, long createReturnedNs, long startIssuedNs, long startReturnedNs, long readyNs) {
    public double createToReadyMs() {
        return (readyNs - createIssuedNs) / 1e6;
    }
}
