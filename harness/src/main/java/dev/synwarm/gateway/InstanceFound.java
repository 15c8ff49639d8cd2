package dev.synwarm.gateway;

/** The state of the function's instance when a request needed it. */
public enum InstanceFound {
    /** None: the request started it. */
    NONE,
    /** A start was in flight (started by a trigger); the request waited for it. */
    STARTING,
    /** An instance was ready. */
    READY;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
