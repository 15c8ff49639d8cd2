package dev.synwarm.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * Upstream connections begun before they are needed: a non-blocking connect sends the SYN at once and
 * returns; {@link #finish} completes it (or connects afresh when the instance changed meanwhile).
 */
final class Preconnect {
    private static final int TIMEOUT_MS = 60_000;

    private Preconnect() {}

    /** Starts connecting to {@code to}; null when there is nothing to connect to or it failed at once. */
    static SocketChannel start(InetSocketAddress to) {
        if (to == null) {
            return null;
        }
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.configureBlocking(false);
            ch.connect(to);
            return ch;
        } catch (IOException e) {
            abandon(ch);
            return null;
        }
    }

    /** A connected blocking socket to {@code to}: the early channel when it went there, else a new one. */
    static Socket finish(SocketChannel early, InetSocketAddress to) throws IOException {
        if (early != null) {
            try {
                if (to.equals(early.getRemoteAddress())) {
                    early.configureBlocking(true);
                    early.finishConnect();
                    return early.socket();
                }
            } catch (IOException e) {
                // the early connect failed (instance gone): fall through to a fresh connect
            }
            abandon(early);
        }
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        try {
            s.connect(to, TIMEOUT_MS);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return s;
    }

    static void abandon(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing an unused connection
            }
        }
    }
}
