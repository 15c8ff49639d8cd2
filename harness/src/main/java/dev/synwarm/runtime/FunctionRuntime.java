package dev.synwarm.runtime;

/**
 * Starts and removes function instances. A cold start blocks until the function answers HTTP 200;
 * everything started is registered in the run's {@code sys.Resources} and removed by {@link #close}.
 * Pause/unpause is the optional warm-pool strategy (a paused instance keeps its memory, not its CPU).
 */
public interface FunctionRuntime extends AutoCloseable {
    /** Cold start: create, start, wait for the first HTTP 200 on /healthz. */
    Instance start(FunctionSpec spec);

    /** One probe of /healthz: true when it answers 200 now. */
    boolean isReady(Instance instance);

    /** Stop and remove (scale to zero). */
    void stop(Instance instance);

    /** Freezes the instance's processes (cgroup freezer); it keeps its port and memory. */
    void pause(Instance instance);

    /** Thaws a paused instance and waits for its first HTTP 200. */
    ResumeTimeline unpause(Instance instance);

    /** Removes everything this runtime started. */
    @Override
    void close();
}
