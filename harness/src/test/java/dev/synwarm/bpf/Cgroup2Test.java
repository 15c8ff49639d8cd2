package dev.synwarm.bpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class Cgroup2Test {
    @Test
    void findsTheCgroup2MountOnHybridAndUnifiedHosts() {
        List<String> hybrid = List.of(
                "tmpfs /sys/fs/cgroup tmpfs ro,nosuid 0 0",
                "cgroup /sys/fs/cgroup/memory cgroup rw,memory 0 0",
                "cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0");
        assertThat(Cgroup2.find(hybrid)).contains(Path.of("/sys/fs/cgroup/unified"));
        assertThat(Cgroup2.find(List.of("cgroup2 /sys/fs/cgroup cgroup2 rw 0 0"))).contains(Path.of("/sys/fs/cgroup"));
        assertThat(Cgroup2.find(List.of("proc /proc proc rw 0 0"))).isEmpty();
    }

    @Test
    void thisMachinesMountHasCgroupProcs() {
        assertThat(Files.exists(Cgroup2.mountPoint().resolve("cgroup.procs"))).isTrue();
    }
}
