package dev.synwarm.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A loopback HTTP/TLS server inside the client process (its own netns's lo), the target that warms the
 * client's JIT on the exact request path without touching the edge or the emulated link.
 */
final class WarmupServer implements AutoCloseable {
    private static final byte[] RESPONSE =
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n".getBytes(StandardCharsets.US_ASCII);
    private final ServerSocket plain;
    private final ServerSocket tls;

    WarmupServer(SSLContext serverTls) throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        plain = new ServerSocket();
        plain.bind(new InetSocketAddress(lo, 0));
        if (serverTls != null) {
            SSLServerSocket s = (SSLServerSocket) serverTls.getServerSocketFactory().createServerSocket();
            s.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            s.bind(new InetSocketAddress(lo, 0));
            tls = s;
        } else {
            tls = null;
        }
        serve(plain);
        if (tls != null) {
            serve(tls);
        }
    }

    int plainPort() {
        return plain.getLocalPort();
    }

    /** The TLS port, or -1 when no key was given (warm-up then covers plain HTTP only). */
    int tlsPort() {
        return tls == null ? -1 : tls.getLocalPort();
    }

    private static void serve(ServerSocket server) {
        Thread.ofPlatform().daemon().name("warmup-" + server.getLocalPort()).start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket c = server.accept();
                    Thread.ofVirtual().start(() -> answer(c));
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
    }

    private static void answer(Socket c) {
        try (c) {
            InputStream in = c.getInputStream();
            byte[] b = new byte[4096];
            int n = 0;
            while (n < b.length) {
                int r = in.read(b, n, b.length - n);
                if (r < 0) {
                    return;
                }
                n += r;
                if (new String(b, 0, n, StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
                    break;
                }
            }
            c.getOutputStream().write(RESPONSE);
        } catch (IOException ignored) {
            // a warm-up request failing only costs warm-up
        }
    }

    @Override
    public void close() throws IOException {
        plain.close();
        if (tls != null) {
            tls.close();
        }
    }
}
