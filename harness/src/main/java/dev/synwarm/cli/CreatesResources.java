package dev.synwarm.cli;

/**
 * Marks a command that creates namespaces, links, programs or containers. {@link Main} checks that the
 * host can run it at all (root; BTF and a recent enough kernel when it loads eBPF) and then runs the
 * stale reaper (resources of dead runs, e.g. after a SIGKILL) before such a command starts, so a missing
 * prerequisite is one line before anything is created, and leftovers of a crashed run never disturb the
 * next measurement.
 */
interface CreatesResources {
    /** Whether the command loads eBPF programs (and so needs kernel BTF). */
    default boolean loadsBpf() {
        return true;
    }
}
