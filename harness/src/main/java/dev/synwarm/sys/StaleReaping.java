package dev.synwarm.sys;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Removes what dead synwarm runs left behind. Commands call {@link #reapDeadRuns} at start, so a run
 * killed with SIGKILL costs the next run nothing; {@code synwarm cleanup} calls it on demand.
 */
public final class StaleReaping {
    private StaleReaping() {}

    /** One removed item: which reaper removed what. */
    public record Reaped(String kind, String what) {}

    /** Reaps every resource whose run's owner is not alive ({@link Ownership#isLive}). */
    public static List<Reaped> reapDeadRuns(List<Reaper> reapers) {
        return reap(reapers, id -> !Ownership.isLive(id));
    }

    /** Reaps every resource whose run id satisfies {@code which}, reaper by reaper in list order. */
    public static List<Reaped> reap(List<Reaper> reapers, Predicate<RunId> which) {
        List<Reaped> all = new ArrayList<>();
        for (Reaper r : reapers) {
            for (String what : r.reap(which)) {
                all.add(new Reaped(r.kind(), what));
            }
        }
        return all;
    }
}
