package dev.synwarm.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A started, ready function instance the gateway forwards to.
 *
 * @param id the runtime's handle (a container id)
 * @param reportedInit the init the function reported about itself, null when it reports none
 */
public record Upstream(String id, InetSocketAddress endpoint, StartTimes times, Duration reportedInit) {}
