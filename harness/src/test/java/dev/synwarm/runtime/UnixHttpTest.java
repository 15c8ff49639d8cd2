package dev.synwarm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixHttpTest {
    @Test
    void getsAnAnswerFromAUnixSocketServer(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("d.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            Thread t = Thread.startVirtualThread(() -> {
                try (SocketChannel c = server.accept()) {
                    c.read(ByteBuffer.allocate(1024));
                    c.write(ByteBuffer.wrap("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nOK".getBytes(StandardCharsets.US_ASCII)));
                } catch (IOException ignored) {
                    // the assertion below reports it
                }
            });
            var r = UnixHttp.get(sock, "/_ping", Duration.ofSeconds(5)).orElseThrow();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("OK");
            t.join();
        }
    }

    @Test
    void noSocketNoAnswer(@TempDir Path dir) {
        assertThat(UnixHttp.get(dir.resolve("absent.sock"), "/_ping", Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersTimesOut(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("mute.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            assertThat(UnixHttp.get(sock, "/_ping", Duration.ofMillis(200))).isEmpty();
        }
    }
}
