package dev.synwarm.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpProbeTest {
    @Test
    void parsesStatusAndFunctionHeadersCaseInsensitively() {
        var r = HttpProbe.parse("HTTP/1.1 200 OK\r\nX-fn-init-ns: 1500000\r\nX-Fn-Listen-Mono-Ns: 42\r\n\r\nok\n", 7).orElseThrow();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.receivedNs()).isEqualTo(7);
        assertThat(r.reportedInit()).contains(Duration.ofNanos(1_500_000));
        assertThat(r.listeningNs()).hasValue(42);
    }

    @Test
    void garbageIsNoAnswerAndBadHeaderValuesAreIgnored() {
        assertThat(HttpProbe.parse("SSH-2.0-OpenSSH\r\n", 0)).isEmpty();
        var r = HttpProbe.parse("HTTP/1.0 503 Busy\r\nX-Fn-Init-Ns: soon\r\n\r\n", 0).orElseThrow();
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.reportedInit()).isEmpty();
    }

    @Test
    void probesARealServerAndSeesItsHeaders() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/healthz", ex -> {
            ex.getResponseHeaders().set("X-Fn-Init-Ns", "123");
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            InetSocketAddress at = new InetSocketAddress("127.0.0.1", server.getAddress().getPort());
            long before = System.nanoTime();
            HttpProbe.Reply r = HttpProbe.awaitOk(at, "/healthz", before + Duration.ofSeconds(10).toNanos(), () -> true);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.receivedNs()).isGreaterThanOrEqualTo(before);
            assertThat(r.reportedInit()).contains(Duration.ofNanos(123));
            assertThat(HttpProbe.once(at, "/missing")).get().extracting(HttpProbe.Reply::status).isEqualTo(404);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void nothingListeningMeansNoAnswerAndAGoneInstanceFailsFast() {
        InetSocketAddress closed = new InetSocketAddress("127.0.0.1", LoopbackPorts.free());
        assertThat(HttpProbe.once(closed, "/healthz")).isEmpty();
        assertThatThrownBy(() -> HttpProbe.awaitOk(closed, "/healthz", System.nanoTime() + 50_000_000L, () -> true))
                .isInstanceOf(SystemException.class)
                .hasMessageContaining("before the deadline");
        assertThatThrownBy(() -> HttpProbe.awaitOk(closed, "/healthz", System.nanoTime() + 60_000_000_000L, () -> false))
                .isInstanceOf(SystemException.class)
                .hasMessageContaining("exited");
    }
}
