package dev.synwarm.measure;

import dev.synwarm.scenario.Scenario;
import java.time.Instant;
import java.util.List;

/**
 * {@code run.json}: everything needed to judge a run's samples later: the scenario as run, the software
 * and machine it ran on, the emulator and how well it hit its links, and whether the run completed.
 *
 * @param stoppedBecause why an incomplete run stopped ("" while running or when complete)
 * @param resumedBy run ids of the {@code run --resume} processes that added samples after the first
 *     (each row of samples.csv names the process that measured it)
 */
public record RunManifest(
        String runId,
        Scenario scenario,
        Software software,
        Machine machine,
        String emulator,
        List<LinkCalibration> calibration,
        Instant started,
        Instant ended,
        long samples,
        boolean complete,
        String stoppedBecause,
        List<String> resumedBy) {

    /** Versions of what the measurement depends on; "unknown" where a tool could not tell. */
    public record Software(String gitCommit, boolean gitDirty, String kernel, String jdk, String docker, String libbpf) {}

    public RunManifest {
        resumedBy = List.copyOf(resumedBy);
    }

    public record Machine(int cpus, long memoryBytes, String cpuModel) {}

    /**
     * How close the emulated link came to its target, from this run's own TCP connects (one RTT each).
     *
     * @param connectP50ErrorMs measured median connect time minus twice the one-way delay
     */
    public record LinkCalibration(double oneWayMs, double jitterMs, double lossPct, double expectedRttMs,
            int connects, double connectP50Ms, double connectP50ErrorMs) {}

    public RunManifest with(Instant end, long samplesNow, boolean done, String why, List<LinkCalibration> cal) {
        return new RunManifest(runId, scenario, software, machine, emulator, cal, started, end, samplesNow, done, why,
                resumedBy);
    }

    public RunManifest withEmulator(String backend) {
        return new RunManifest(runId, scenario, software, machine, backend, calibration, started, ended, samples,
                complete, stoppedBecause, resumedBy);
    }
}
