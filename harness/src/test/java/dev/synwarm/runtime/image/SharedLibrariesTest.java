package dev.synwarm.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SharedLibrariesTest {
    @Test
    void parsesTheLibraryPathsLddPrints() {
        assertThat(SharedLibraries.parse("\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0c1a000000)"))
                .contains(Path.of("/lib/x86_64-linux-gnu/libc.so.6"));
        assertThat(SharedLibraries.parse("\t/lib64/ld-linux-x86-64.so.2 (0x00007f0c1a3c4000)"))
                .contains(Path.of("/lib64/ld-linux-x86-64.so.2"));
        assertThat(SharedLibraries.parse("\tlinux-vdso.so.1 (0x00007ffd5a7f2000)")).isEmpty();
        assertThat(SharedLibraries.parse("\tlibjvm.so => not found")).isEmpty();
    }

    @Test
    void contentHashDependsOnNamesBytesAndInputs() {
        String a = ContentHash.of(java.util.List.of(), java.util.List.of("jdk 25"));
        assertThat(a).hasSize(12).isEqualTo(ContentHash.of(java.util.List.of(), java.util.List.of("jdk 25")));
        assertThat(a).isNotEqualTo(ContentHash.of(java.util.List.of(), java.util.List.of("jdk 26")));
    }
}
