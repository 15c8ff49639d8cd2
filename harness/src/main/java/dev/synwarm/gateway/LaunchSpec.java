package dev.synwarm.gateway;

import dev.synwarm.scenario.ContainerNetwork;
import java.time.Duration;

/** What to start for a function: simulated init, per-request work and container networking. */
public record LaunchSpec(String function, Duration init, Duration exec, ContainerNetwork network) {}
