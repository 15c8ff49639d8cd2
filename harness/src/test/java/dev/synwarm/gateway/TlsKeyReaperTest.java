package dev.synwarm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.sys.RunId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsKeyReaperTest {
    @TempDir
    Path tmp;

    @Test
    void removesOnlyTheKeyDirectoriesOfTheChosenRuns() throws Exception {
        Path dead = Files.createDirectories(tmp.resolve("sw-dead-tls-123"));
        Files.writeString(dead.resolve("edge.p12"), "key");
        Path live = Files.createDirectories(tmp.resolve("sw-live-tls-456"));
        Path other = Files.createDirectories(tmp.resolve("sw-dead-build"));
        Path foreign = Files.createDirectories(tmp.resolve("tls-dead"));

        assertThat(TlsKeyReaper.in(tmp).reap(new RunId("dead")::equals)).containsExactly(dead.toString());

        assertThat(dead).doesNotExist();
        assertThat(live).exists();
        assertThat(other).exists();
        assertThat(foreign).exists();
        assertThat(TlsKeyReaper.ownerOf("sw-ab12-tls-99")).contains(new RunId("ab12"));
        assertThat(TlsKeyReaper.ownerOf("sw-ab12-client")).isEmpty();
    }
}
