package dev.synwarm.gateway;

/**
 * What pre-warm triggers cost so far (counts since the gateway started).
 *
 * @param triggers triggers the current mode honours (after the kernel's cooldown)
 * @param started  instances a trigger started
 * @param duplicate triggers for a function that already had an instance, ready or starting
 * @param refused  triggers dropped because {@link PrewarmLimits#maxStartsInFlight} starts were running
 * @param claimed  pre-warmed instances a request used
 * @param wasted   pre-warmed instances stopped because no request claimed them in time
 */
public record PrewarmStats(long triggers, long started, long duplicate, long refused, long claimed, long wasted) {}
