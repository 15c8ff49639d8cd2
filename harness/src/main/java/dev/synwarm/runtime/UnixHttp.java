package dev.synwarm.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One HTTP/1.0 GET over a Unix socket, for the two questions asked before any Docker client exists: does
 * the daemon answer ({@code /_ping}) and which API versions does it speak ({@code /version}).
 */
final class UnixHttp {
    record Response(int status, String body) {}

    private UnixHttp() {}

    /** The response, or empty when nothing listens on {@code socket} or it does not answer in time. */
    static Optional<Response> get(Path socket, String path, Duration timeout) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            // A hung daemon must not hang us: closing the channel from outside unblocks connect/read.
            Thread watchdog = Thread.startVirtualThread(() -> closeAfter(ch, timeout));
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
                ch.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteBuffer buf = ByteBuffer.allocate(8192);
                while (ch.read(buf.clear()) > 0) {
                    out.write(buf.array(), 0, buf.position());
                }
                return parse(out.toString(StandardCharsets.UTF_8));
            } finally {
                watchdog.interrupt();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<Response> parse(String raw) {
        int eol = raw.indexOf("\r\n");
        int bodyAt = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/") || eol < 0 || bodyAt < 0) {
            return Optional.empty();
        }
        String[] statusLine = raw.substring(0, eol).split(" ", 3);
        try {
            return Optional.of(new Response(Integer.parseInt(statusLine[1]), raw.substring(bodyAt + 4)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void closeAfter(SocketChannel ch, Duration timeout) {
        try {
            Thread.sleep(timeout);
            ch.close();
        } catch (InterruptedException | IOException ignored) {
            // interrupted: the request finished in time
        }
    }
}
