package dev.synwarm.bpf;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One eBPF object file from the class path ({@code /bpf/<name>.bpf.o}, built by bpf/Makefile):
 * open → {@link #setConstant} (the {@code const volatile} settings) → {@link #load} → programs and maps
 * → {@link #close}. Closing releases the programs and maps; attachments are closed by their owners first.
 */
public final class BpfObject implements AutoCloseable {
    private static final int BTF_KIND_DATASEC = 15;
    private static final long OPEN_OPTS_SIZE = 80; // sizeof(struct bpf_object_open_opts), libbpf 1.1

    private final String name;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment obj;
    private boolean loaded;

    private BpfObject(String name) {
        Libbpf.init();
        this.name = name;
        byte[] elf = readResource("/bpf/" + name + ".bpf.o");
        // libbpf keeps pointing into the buffer until load: it lives in this object's arena.
        MemorySegment buf = arena.allocate(elf.length, 8);
        buf.copyFrom(MemorySegment.ofArray(elf));
        MemorySegment opts = arena.allocate(OPEN_OPTS_SIZE, 8);
        opts.set(JAVA_LONG, 0, OPEN_OPTS_SIZE);
        opts.set(java.lang.foreign.ValueLayout.ADDRESS, 8, arena.allocateFrom(name)); // object_name
        try {
            MemorySegment cap = NativeCalls.captureIn(arena);
            obj = (MemorySegment) Libbpf.OBJECT_OPEN_MEM.invokeExact(cap, buf, (long) elf.length, opts);
            if (obj.equals(MemorySegment.NULL)) {
                arena.close();
                throw new SystemException("cannot open eBPF object " + name + ": "
                        + NativeCalls.strerror(NativeCalls.errno(cap)));
            }
        } catch (SystemException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Opens {@code /bpf/<name>.bpf.o} from the class path (not yet loaded into the kernel). */
    public static BpfObject open(String name) {
        return new BpfObject(name);
    }

    /** Sets a {@code const volatile} global (u8/u16/u32/u64) before {@link #load}. */
    public void setConstant(String variable, long value) {
        if (loaded) {
            throw new IllegalStateException("set " + variable + " before load");
        }
        try {
            MemorySegment rodata = (MemorySegment) Libbpf.OBJECT_FIND_MAP.invokeExact(obj, arena.allocateFrom(".rodata"));
            if (rodata.equals(MemorySegment.NULL)) {
                throw new SystemException(name + " has no read-only settings (.rodata)");
            }
            MemorySegment sizeOut = arena.allocate(JAVA_LONG);
            MemorySegment data = (MemorySegment) Libbpf.MAP_INITIAL_VALUE.invokeExact(rodata, sizeOut);
            data = data.reinterpret(sizeOut.get(JAVA_LONG, 0));
            Slot slot = rodataSlot(variable);
            switch (slot.size) {
                case 1 -> data.set(java.lang.foreign.ValueLayout.JAVA_BYTE, slot.offset, (byte) value);
                case 2 -> data.set(java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED, slot.offset, (short) value);
                case 4 -> data.set(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, slot.offset, (int) value);
                case 8 -> data.set(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, slot.offset, value);
                default -> throw new SystemException(variable + " in " + name + " is " + slot.size + " bytes, not an integer");
            }
        } catch (SystemException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private record Slot(int offset, int size) {}

    /** Walks the .rodata DATASEC in the object's BTF: {@code btf_type} then {@code btf_var_secinfo[vlen]}. */
    private Slot rodataSlot(String variable) throws Throwable {
        MemorySegment btf = (MemorySegment) Libbpf.OBJECT_BTF.invokeExact(obj);
        int secId = (int) Libbpf.BTF_FIND_BY_NAME_KIND.invokeExact(btf, arena.allocateFrom(".rodata"), BTF_KIND_DATASEC);
        if (secId <= 0) {
            throw new SystemException(name + ": no BTF for .rodata (build with -g)");
        }
        MemorySegment sec = ((MemorySegment) Libbpf.BTF_TYPE_BY_ID.invokeExact(btf, secId)).reinterpret(12);
        int vlen = sec.get(JAVA_INT, 4) & 0xffff;
        MemorySegment infos = sec.reinterpret(12 + 12L * vlen);
        for (int i = 0; i < vlen; i++) {
            long at = 12 + 12L * i;
            int varType = infos.get(JAVA_INT, at);
            MemorySegment var = ((MemorySegment) Libbpf.BTF_TYPE_BY_ID.invokeExact(btf, varType)).reinterpret(12);
            String varName = NativeCalls.cString((MemorySegment) Libbpf.BTF_NAME_BY_OFFSET.invokeExact(btf, var.get(JAVA_INT, 0)));
            if (varName.equals(variable)) {
                return new Slot(infos.get(JAVA_INT, at + 4), infos.get(JAVA_INT, at + 8));
            }
        }
        throw new SystemException(name + " has no read-only setting " + variable);
    }

    /** Verifies and loads every program and creates the maps. */
    public BpfObject load() {
        try {
            NativeCalls.check((int) Libbpf.OBJECT_LOAD.invokeExact(obj), "loading eBPF object " + name
                    + " (the verifier's log is above, logger 'libbpf')");
        } catch (SystemException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        loaded = true;
        return this;
    }

    public BpfProgram program(String programName) {
        requireLoaded();
        try {
            MemorySegment p = (MemorySegment) Libbpf.OBJECT_FIND_PROGRAM.invokeExact(obj, arena.allocateFrom(programName));
            if (p.equals(MemorySegment.NULL)) {
                throw new SystemException(name + " has no program " + programName);
            }
            return new BpfProgram(programName, p, (int) Libbpf.PROGRAM_FD.invokeExact(p));
        } catch (SystemException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    public BpfMap map(String mapName) {
        requireLoaded();
        try {
            MemorySegment m = (MemorySegment) Libbpf.OBJECT_FIND_MAP.invokeExact(obj, arena.allocateFrom(mapName));
            if (m.equals(MemorySegment.NULL)) {
                throw new SystemException(name + " has no map " + mapName);
            }
            return new BpfMap(mapName, (int) Libbpf.MAP_FD.invokeExact(m), (int) Libbpf.MAP_MAX_ENTRIES.invokeExact(m));
        } catch (SystemException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private void requireLoaded() {
        if (!loaded) {
            throw new IllegalStateException(name + " is not loaded");
        }
    }

    @Override
    public void close() {
        if (!arena.scope().isAlive()) {
            return;
        }
        try {
            Libbpf.OBJECT_CLOSE.invokeExact(obj);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        arena.close();
    }

    private static byte[] readResource(String path) {
        try (InputStream in = BpfObject.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new SystemException("eBPF object " + path + " is not on the class path (build with mvn; needs clang and bpftool)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SystemException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
