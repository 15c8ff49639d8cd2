package dev.synwarm.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/** One listening port of the edge; each accepted connection is handled on its own virtual thread. */
final class Listener implements AutoCloseable {
    private final ServerSocket server;
    private final ListenerRole role;
    private final String function;
    private final boolean tls;
    private final Thread acceptor;

    /** What to do with an accepted connection. */
    interface Handler {
        void handle(Socket socket, long acceptedNs, Listener from);
    }

    Listener(InetAddress bind, int port, ListenerRole role, String function, SSLContext tlsContext, Handler handler)
            throws IOException {
        this.role = role;
        this.function = function;
        this.tls = tlsContext != null;
        if (tls) {
            SSLServerSocket s = (SSLServerSocket) tlsContext.getServerSocketFactory().createServerSocket();
            s.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            server = s;
        } else {
            server = new ServerSocket();
        }
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(bind, port), 512);
        acceptor = Thread.ofVirtual().name("accept-" + server.getLocalPort()).start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket c = server.accept();
                    long accepted = System.nanoTime();
                    Thread.ofVirtual().start(() -> handler.handle(c, accepted, this));
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        org.slf4j.LoggerFactory.getLogger(Listener.class).warn("accept on {}: {}", port(), e.toString());
                    }
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    ListenerRole role() {
        return role;
    }

    /** The function of a {@link ListenerRole#FUNCTION} port, null for shared ports. */
    String function() {
        return function;
    }

    boolean tls() {
        return tls;
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
