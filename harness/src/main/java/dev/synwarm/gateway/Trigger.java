package dev.synwarm.gateway;

/**
 * One reason to start an instance.
 *
 * @param eventNs when the event happened where it was seen (SYN at the XDP/TC hook, ClientHello parsed,
 *     request read), CLOCK_MONOTONIC ns
 * @param handledNs when the gateway acted on it
 * @param connection the client connection it came from ({@code addr:port}), null for WARM
 */
public record Trigger(TriggerKind kind, long eventNs, long handledNs, String connection) {}
