package dev.synwarm.runtime;

import dev.synwarm.sys.UsageException;
import java.time.Duration;
import java.util.Objects;

/**
 * What to start: a function image by name and its knobs. {@code init} is the simulated init (INIT_MS),
 * {@code exec} the per-request work (EXEC_MS), {@code initWorkMib} real init work (INIT_WORK: MiB written
 * and checksummed before listening).
 */
public record FunctionSpec(String function, Duration init, Duration exec, NetworkMode network, int initWorkMib) {
    public FunctionSpec {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(exec, "exec");
        Objects.requireNonNull(network, "network");
        Functions.requireKnown(function);
        if (init.isNegative() || exec.isNegative()) {
            throw new UsageException("function " + function + ": init and exec must not be negative (init="
                    + init + ", exec=" + exec + ")");
        }
        if (initWorkMib < 0 || initWorkMib > 4096) {
            throw new UsageException("function " + function + ": init work " + initWorkMib
                    + " MiB is outside 0..4096");
        }
    }

    public FunctionSpec(String function, Duration init, Duration exec, NetworkMode network) {
        this(function, init, exec, network, 0);
    }
}
