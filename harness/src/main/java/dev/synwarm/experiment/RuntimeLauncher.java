package dev.synwarm.experiment;

import dev.synwarm.gateway.InstanceLauncher;
import dev.synwarm.gateway.LaunchSpec;
import dev.synwarm.gateway.StartTimes;
import dev.synwarm.gateway.Upstream;
import dev.synwarm.runtime.FunctionRuntime;
import dev.synwarm.runtime.FunctionSpec;
import dev.synwarm.runtime.Instance;
import dev.synwarm.runtime.NetworkMode;
import dev.synwarm.runtime.StartTimeline;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The gateway's {@link InstanceLauncher} port on the container runtime. */
final class RuntimeLauncher implements InstanceLauncher {
    private final FunctionRuntime runtime;
    private final Map<String, Instance> running = new ConcurrentHashMap<>();

    RuntimeLauncher(FunctionRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Upstream launch(LaunchSpec spec) {
        NetworkMode net = switch (spec.network()) {
            case BRIDGE -> NetworkMode.BRIDGE;
            case HOST -> NetworkMode.HOST;
        };
        Instance i = runtime.start(new FunctionSpec(spec.function(), spec.init(), spec.exec(), net));
        running.put(i.containerId(), i);
        StartTimeline t = i.timeline();
        return new Upstream(i.containerId(), i.endpoint(),
                new StartTimes(t.createIssuedNs(), t.createReturnedNs(), t.startIssuedNs(), t.startReturnedNs(), t.readyNs()),
                i.reportedInit());
    }

    @Override
    public void stop(Upstream upstream) {
        Instance i = running.remove(upstream.id());
        if (i != null) {
            runtime.stop(i);
        }
    }
}
