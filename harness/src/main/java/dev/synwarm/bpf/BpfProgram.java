package dev.synwarm.bpf;

import java.lang.foreign.MemorySegment;

/** A loaded program of a {@link BpfObject}; valid while the object is open. */
public record BpfProgram(String name, MemorySegment handle, int fd) {}
