package dev.synwarm.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountsTest {
    @Test
    void findsCgroup2OnHybridAndUnifiedHosts() {
        List<String> hybrid = List.of("tmpfs /sys/fs/cgroup tmpfs rw 0 0", "cgroup /sys/fs/cgroup/cpu cgroup rw,cpu 0 0",
                "cgroup2 /sys/fs/cgroup/unified cgroup2 rw 0 0");
        assertThat(Mounts.cgroup2(hybrid)).contains(Path.of("/sys/fs/cgroup/unified"));
        assertThat(Mounts.cgroup2(List.of("cgroup2 /sys/fs/cgroup cgroup2 rw 0 0"))).contains(Path.of("/sys/fs/cgroup"));
        assertThat(Mounts.cgroup2(List.of("proc /proc proc rw 0 0"))).isEmpty();
    }

    @Test
    void thisHostHasOne() {
        assertThat(Files.exists(Mounts.requireCgroup2().resolve("cgroup.procs"))).isTrue();
    }
}
