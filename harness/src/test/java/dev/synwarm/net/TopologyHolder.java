package dev.synwarm.net;

import dev.synwarm.sys.Resources;
import java.time.Duration;

/** A child process for the reaping test: builds a topology with a running delay line, says so, waits. */
public final class TopologyHolder {
    private TopologyHolder() {}

    public static void main(String[] args) throws Exception {
        Resources res = Resources.open();
        Topology t = Topology.create(res);
        t.emulate(LinkSpec.of(Duration.ofMillis(1)), EmulatorChoice.DELAYLINE);
        System.out.println("ready " + res.runId().value());
        System.out.flush();
        Thread.currentThread().join(); // until killed
    }
}
