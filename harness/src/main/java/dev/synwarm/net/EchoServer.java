package dev.synwarm.net;

import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calibration server on the edge address: echoes every fixed-size message on every connection, one
 * platform thread per connection. The first message of a connection ({@link #writeHello}) says how that
 * thread waits for the next ones ({@link WaitMode}: blocking, one ordinary thread wake-up per message as a
 * real server's; or polling a non-blocking read) and when the next request is due (one round trip after
 * each response, as the client sends the next request as soon as it has the response). Until that first
 * message the thread blocks, so the many connections that only time {@code connect} never poll.
 */
final class EchoServer implements AutoCloseable {
    static final int MESSAGE_BYTES = 64;
    private static final long NO_TIMEOUT_NS = Long.MAX_VALUE / 4;

    private final ServerSocketChannel server;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

    private EchoServer(ServerSocketChannel server) {
        this.server = server;
        Thread.ofPlatform().daemon().name("echo accept").start(this::acceptLoop);
    }

    static EchoServer start(InetAddress bind) {
        try {
            ServerSocketChannel s = ServerSocketChannel.open();
            s.bind(new InetSocketAddress(bind, 0), 512);
            return new EchoServer(s);
        } catch (IOException e) {
            throw new SystemException("cannot listen on " + bind.getHostAddress() + ": " + e.getMessage(), e);
        }
    }

    /** Fills {@code msg} as a connection's first message: wait mode (ordinal) and expected round trip. */
    static void writeHello(ByteBuffer msg, WaitMode serverWait, long expectedRttNs) {
        msg.clear();
        msg.put(0, (byte) serverWait.ordinal());
        msg.putLong(1, expectedRttNs);
    }

    int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new SystemException("echo server: " + e.getMessage(), e);
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel s = server.accept();
                s.setOption(StandardSocketOptions.TCP_NODELAY, true);
                open.add(s);
                Thread.ofPlatform().daemon().name("echo conn").start(() -> echo(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void echo(SocketChannel s) {
        ThreadPriority.nice(ThreadPriority.MEASURING_NICE);
        ByteBuffer msg = ByteBuffer.allocateDirect(MESSAGE_BYTES);
        try (s) {
            if (!readBlocking(s, msg)) {
                return;
            }
            WaitMode wait = WaitMode.values()[msg.get(0)];
            long rttNs = msg.getLong(1);
            writeAll(s, msg);
            if (wait == WaitMode.BLOCK) {
                while (readBlocking(s, msg)) {
                    writeAll(s, msg);
                }
                return;
            }
            s.configureBlocking(false);
            try (ArrivalWait arrival = new ArrivalWait()) {
                while (true) {
                    long sent = System.nanoTime();
                    long expected = wait == WaitMode.SPIN ? sent + rttNs : Long.MIN_VALUE;
                    if (!readPolling(s, msg, arrival, expected)) {
                        return;
                    }
                    writeAll(s, msg);
                }
            }
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            // the client went away
        } finally {
            open.remove(s);
        }
    }

    /** One whole message, sleeping in the kernel; false at end of stream. */
    private static boolean readBlocking(SocketChannel s, ByteBuffer msg) throws IOException {
        msg.clear();
        while (msg.hasRemaining()) {
            if (s.read(msg) < 0) {
                return false;
            }
        }
        return true;
    }

    /** One whole message, polled (see {@link ArrivalWait}); false at end of stream or when the server closes. */
    private boolean readPolling(SocketChannel s, ByteBuffer msg, ArrivalWait arrival, long expectedNs)
            throws IOException {
        msg.clear();
        boolean[] eof = {false};
        // no timeout: the client's FIN or close() ends the wait
        arrival.await(s, SelectionKey.OP_READ, expectedNs, System.nanoTime() + NO_TIMEOUT_NS, "request", () -> {
            if (s.read(msg) < 0 || !server.isOpen()) {
                eof[0] = true;
                return true;
            }
            return !msg.hasRemaining();
        });
        return !eof[0];
    }

    /** 64 bytes into a socket the peer drains after every message: one call (a loop for a non-blocking one). */
    private static void writeAll(SocketChannel s, ByteBuffer msg) throws IOException {
        msg.flip();
        while (msg.hasRemaining()) {
            s.write(msg);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        for (SocketChannel s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
