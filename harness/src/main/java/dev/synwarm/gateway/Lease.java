package dev.synwarm.gateway;

/** What a request got from its function's pool: where to forward, and how the instance came to be. */
public record Lease(Upstream upstream, InstanceFound found, Trigger startedBy) {}
