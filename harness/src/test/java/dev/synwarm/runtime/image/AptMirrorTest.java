package dev.synwarm.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptMirrorTest {
    @Test
    void readsDeb822StanzasSkippingDisabledAndOtherSuites() {
        String text = """
                Types: deb
                URIs: http://mirror.invalid/off/
                Suites: bookworm
                Components: main
                Enabled: no

                Types: deb-src deb
                # a comment
                URIs: http://mirror.invalid/debian/
                Suites: bookworm bookworm-updates
                Components: main

                Types: deb
                URIs: http://mirror.invalid/security
                Suites: bookworm-security
                """;
        assertThat(AptMirror.fromDeb822(text, "bookworm")).contains("http://mirror.invalid/debian");
        assertThat(AptMirror.fromDeb822(text, "bookworm-security")).contains("http://mirror.invalid/security");
        assertThat(AptMirror.fromDeb822(text, "trixie")).isEmpty();
    }

    @Test
    void readsOneLineEntriesWithOptions() {
        String text = """
                # deb http://commented.invalid/debian bookworm main
                deb-src http://src.invalid/debian bookworm main
                deb [arch=amd64 signed-by=/k.gpg] https://mirror.invalid/debian/ bookworm main contrib
                """;
        assertThat(AptMirror.fromOneLine(text, "bookworm")).contains("https://mirror.invalid/debian");
    }

    @Test
    void looksInSourcesListDButNotAtDisabledFiles(@TempDir Path apt) throws IOException {
        Files.createDirectories(apt.resolve("sources.list.d"));
        Files.writeString(apt.resolve("sources.list.d/a.sources.disabled-by-farm"),
                "Types: deb\nURIs: http://disabled.invalid/\nSuites: bookworm\n");
        assertThat(AptMirror.find(apt, "bookworm")).isEmpty();
        Files.writeString(apt.resolve("sources.list.d/debian.sources"),
                "Types: deb\nURIs: http://deb.invalid/debian\nSuites: bookworm\n");
        assertThat(AptMirror.find(apt, "bookworm")).contains("http://deb.invalid/debian");
    }

    @Test
    void theHostsSuiteComesFromOsRelease(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("os-release");
        Files.writeString(f, "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n");
        assertThat(DebianSuite.fromOsRelease(f)).isEqualTo("bookworm");
        Files.writeString(f, "ID=ubuntu\nVERSION_CODENAME=noble\n");
        assertThat(DebianSuite.fromOsRelease(f)).isEqualTo(DebianSuite.DEFAULT);
    }
}
