package dev.synwarm.cli;

/**
 * Marks a command that creates namespaces, links, programs or containers. {@link Main} runs the stale
 * reaper (resources of dead runs, e.g. after a SIGKILL) before such a command starts, so leftovers of a
 * crashed run never disturb the next measurement.
 */
interface CreatesResources {}
