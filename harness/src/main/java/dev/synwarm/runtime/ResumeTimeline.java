package dev.synwarm.runtime;

import java.time.Duration;

/** Un-pausing a warm-pool instance, on the harness clock: the call, and the first HTTP 200 after it. */
public record ResumeTimeline(long unpauseIssuedNs, long unpauseReturnedNs, long readyNs) {
    public Duration total() {
        return Duration.ofNanos(readyNs - unpauseIssuedNs);
    }
}
