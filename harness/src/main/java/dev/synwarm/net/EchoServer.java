package dev.synwarm.net;

import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calibration server on the edge address: echoes every fixed-size message on every connection. One
 * platform thread per connection: the request/response time then includes one ordinary thread wake-up,
 * as a real server's would.
 */
final class EchoServer implements AutoCloseable {
    static final int MESSAGE_BYTES = 64;

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private EchoServer(ServerSocket server) {
        this.server = server;
        Thread.ofPlatform().daemon().name("echo accept").start(this::acceptLoop);
    }

    static EchoServer start(InetAddress bind) {
        try {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(bind, 0), 512);
            return new EchoServer(s);
        } catch (IOException e) {
            throw new SystemException("cannot listen on " + bind.getHostAddress() + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                Thread.ofPlatform().daemon().name("echo conn").start(() -> echo(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void echo(Socket s) {
        ThreadPriority.nice(ThreadPriority.MEASURING_NICE);
        byte[] msg = new byte[MESSAGE_BYTES];
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (in.readNBytes(msg, 0, MESSAGE_BYTES) == MESSAGE_BYTES) {
                out.write(msg);
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(s);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
