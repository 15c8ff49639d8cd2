package dev.synwarm.bpf;

import dev.synwarm.sys.SystemException;
import java.lang.foreign.MemorySegment;

/** A map of a loaded {@link BpfObject}, by fd; typed views ({@link PortTable}, {@link StatsCounters}) wrap it. */
public record BpfMap(String name, int fd, int maxEntries) {
    static final long BPF_ANY = 0;

    void update(MemorySegment key, MemorySegment value) {
        try {
            NativeCalls.check((int) Libbpf.MAP_UPDATE_ELEM.invokeExact(fd, key, value, BPF_ANY), "update of map " + name);
        } catch (SystemException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Deletes {@code key}; false when it was not there. */
    boolean delete(MemorySegment key) {
        try {
            int rc = (int) Libbpf.MAP_DELETE_ELEM.invokeExact(fd, key);
            if (rc == -2) { // ENOENT
                return false;
            }
            NativeCalls.check(rc, "delete from map " + name);
            return true;
        } catch (SystemException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}
