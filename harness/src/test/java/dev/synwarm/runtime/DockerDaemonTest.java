package dev.synwarm.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synwarm.sys.SystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting a daemon in the background and polling its socket, with a stand-in daemon (a few lines of
 * Python serving /_ping and /version on a Unix socket): the real dockerd is shared by every developer
 * on this machine and must not be stopped to test this.
 */
class DockerDaemonTest {
    private static final String FAKE = """
            import socket, sys, time, os
            time.sleep(0.3)  # a daemon takes a while before its socket answers
            s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(8)
            print("fake daemon listening", flush=True)
            while True:
                c, _ = s.accept(); req = c.recv(4096).decode()
                body = "OK" if "/_ping" in req else '{"Version":"20.10.99","ApiVersion":"1.41","MinAPIVersion":"1.12"}'
                c.sendall(("HTTP/1.0 200 OK\\r\\nContent-Length: %d\\r\\n\\r\\n%s" % (len(body), body)).encode()); c.close()
            """;

    @Test
    void startsTheDaemonInTheBackgroundAndWaitsUntilItsSocketAnswers(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("d.sock");
        Path log = dir.resolve("d.log");
        DockerDaemon.Info info = DockerDaemon.start(List.of("python3", "-c", FAKE, sock.toString()), sock, log, Duration.ofSeconds(30));
        try {
            assertThat(info.engineVersion()).isEqualTo("20.10.99");
            assertThat(info.api()).hasToString("1.41");
            assertThat(info.socket()).isEqualTo(sock);
            assertThat(java.nio.file.Files.readString(log)).contains("fake daemon listening");
        } finally {
            ProcessHandle.current().children()
                    .filter(p -> p.info().arguments().map(a -> List.of(a).contains(sock.toString())).orElse(false))
                    .forEach(ProcessHandle::destroy);
        }
    }

    @Test
    void aDaemonThatDiesIsReportedWithItsLastLogLine(@TempDir Path dir) {
        Path sock = dir.resolve("never.sock");
        Path log = dir.resolve("d.log");
        assertThatThrownBy(() -> DockerDaemon.start(List.of("sh", "-c", "echo cannot create network; exit 3"), sock, log,
                        Duration.ofMillis(500)))
                .isInstanceOf(SystemException.class)
                .hasMessageContaining("exited with 3")
                .hasMessageContaining("cannot create network");
    }

    @Test
    void theRunningDaemonIsFoundWithoutStartingAnything() {
        DockerTests.requireDocker();
        DockerDaemon.Info info = DockerDaemon.ifRunning().orElseThrow();
        assertThat(info.api()).isGreaterThanOrEqualTo(DockerApiVersion.parse("1.41"));
        assertThat(DockerDaemon.ensureRunning()).isEqualTo(info);
    }
}
