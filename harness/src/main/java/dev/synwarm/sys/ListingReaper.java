package dev.synwarm.sys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A {@link Reaper} made of its three parts, since most kinds differ only in them: what exists now
 * ({@code listing}), which run owns an item ({@code owner}; empty for anything not synwarm's), and how to
 * remove one ({@code remove}).
 *
 * @param describe the item as the removal report names it
 */
public record ListingReaper<T>(String kind, Supplier<List<T>> listing, Function<T, Optional<RunId>> owner,
        Consumer<T> remove, Function<T, String> describe) implements Reaper {

    /** Items named {@code sw-<id>-…} (interfaces, namespaces): the name tells the owner and is the report. */
    public static ListingReaper<String> ofNames(String kind, Supplier<List<String>> names, Consumer<String> remove) {
        return new ListingReaper<>(kind, names, RunId::ofName, remove, Function.identity());
    }

    @Override
    public List<String> reap(Predicate<RunId> reap) {
        List<String> removed = new ArrayList<>();
        for (T item : listing.get()) {
            Optional<RunId> run = owner.apply(item);
            if (run.isPresent() && reap.test(run.get())) {
                remove.accept(item);
                removed.add(describe.apply(item));
            }
        }
        return removed;
    }
}
