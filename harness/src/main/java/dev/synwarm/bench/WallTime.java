package dev.synwarm.bench;

/**
 * A scenario's wall time against the waits inherent in it: the sum of its requests' end-to-end times
 * (client connect start → last byte, which holds every emulated round trip and every cold start). What is
 * left is the harness's own overhead: set-up, scaling to zero, stopping containers, warm-ups.
 */
public record WallTime(String scenario, int requests, long wallNs, long inherentNs) {
    public double ratio() {
        return (double) wallNs / inherentNs;
    }
}
