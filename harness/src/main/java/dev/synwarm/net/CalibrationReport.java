package dev.synwarm.net;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code calibrate} measured, in milliseconds. Errors are measured minus expected, where expected is
 * twice the one-way delay (connect: SYN → SYN-ACK; rr: request → response on an open connection; ping:
 * ICMP echo from the client namespace, an independent tool). The baseline medians are the same measures
 * over a plain tc wire without emulation; there a round trip can complete inside the sending syscall
 * (softirq), so they show the stack's cost without any process wake-up. ping prints each reply with 3
 * significant digits (0.1 ms resolution at ≥ 10 ms, 1 ms at ≥ 100 ms), so
 * {@code pingMeanMs}, from its summary line, carries the µs-resolution check. Delay-line counters
 * exclude the warm-up burst. {@code clientWait}/{@code serverWait} say how the client and the echo server
 * waited for the network ({@link WaitMode}): {@code block} includes a scheduler wake-up per wait, {@code
 * spin} does not; reports of one run with several client waits share ping, baseline ping and line counters.
 * {@code link} is the link's own share of connect and rr, from kernel timestamps at both ends of the link
 * (shared by the reports of one run too): the client's figures minus it are what the hosts added.
 * {@code lineIdleCpuPercent} is the delay line's CPU use over 2 s with no traffic, in % of one CPU
 * (absent for netem, which runs in the kernel).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalibrationReport(
        String emulator,
        String profile,
        String clientWait,
        String serverWait,
        double oneWayMs,
        double jitterMs,
        double lossPercent,
        double expectedRttMs,
        int samples,
        double connectP50Ms,
        double connectP99Ms,
        double connectP50ErrorMs,
        double connectP99ErrorMs,
        double rrP50Ms,
        double rrP99Ms,
        double rrP50ErrorMs,
        double rrP99ErrorMs,
        int pingSamples,
        double pingP50Ms,
        double pingP99Ms,
        double pingP50ErrorMs,
        double pingMeanMs,
        double pingMeanErrorMs,
        double pingMinusConnectP50Ms,
        double baselineConnectP50Ms,
        double baselineRrP50Ms,
        double baselinePingP50Ms,
        DelayLineStats line,
        LinkTiming link,
        Double lineIdleCpuPercent) {}
