package dev.synwarm.gateway;

/**
 * The gateway's port to whatever runs function instances (the Docker runtime, adapted by the
 * experiment). Implementations block until the instance answers HTTP, and must be thread-safe.
 */
public interface InstanceLauncher {
    /** Starts an instance from scratch and returns once it serves requests. */
    Upstream launch(LaunchSpec spec);

    /** Stops and removes {@code upstream}; scale to zero. */
    void stop(Upstream upstream);
}
