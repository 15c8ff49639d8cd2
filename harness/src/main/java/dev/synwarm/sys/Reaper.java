package dev.synwarm.sys;

import java.util.List;
import java.util.function.Predicate;

/**
 * Finds synwarm resources of one kind (namespaces, links, cgroups, XDP/TC attachments, containers) that
 * outlived their run, and removes them. Implementations live beside the code that creates the resource.
 */
public interface Reaper {
    /** A short noun for messages: "netns", "link", "container". */
    String kind();

    /**
     * Removes every resource of this kind whose run id satisfies {@code reap}; returns what it removed,
     * one human-readable name per item.
     */
    List<String> reap(Predicate<RunId> reap);
}
