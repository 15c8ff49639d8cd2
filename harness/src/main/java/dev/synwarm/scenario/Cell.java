package dev.synwarm.scenario;

import dev.synwarm.sys.Durations;
import java.time.Duration;

/**
 * One point of a scenario's parameter space, measured {@code repetitions} times in a row.
 *
 * @param id stable over shuffling: the cell's index in product order ({@code c007})
 * @param init simulated init the function sleeps before listening ({@code INIT_MS}); zero means only
 *     the image's own start-up
 */
public record Cell(
        String id,
        String function,
        Duration init,
        Duration exec,
        Link link,
        Protocol protocol,
        Mode mode,
        ContainerNetwork network) {

    /** A readable label for progress and tables: {@code fn-static init=150ms ow=60ms tls13 syn-port}. */
    public String label() {
        return function + " init=" + Durations.format(init) + " ow=" + Durations.format(link.oneWay()) + " "
                + protocol.label() + " " + mode.label();
    }

    /** The same cell parameters without the mode: the group whose modes a table compares. */
    public String groupKey() {
        return function + "|" + init + "|" + exec + "|" + link + "|" + protocol + "|" + network;
    }
}
