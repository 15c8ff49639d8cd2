package dev.synwarm.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A TCP connection on 127.0.0.1 to an echo thread: {@link #roundTrip} sends {@value #SIZE} bytes (a small
 * HTTP request's size) and reads them back — the floor of any request the harness measures, with no
 * HTTP parsing and no function behind it.
 */
@State(Scope.Thread)
public class LoopbackEcho {
    static final int SIZE = 200;
    private ServerSocket server;
    private Socket client;
    private Thread echo;
    private InputStream in;
    private OutputStream out;
    private final byte[] request = new byte[SIZE];
    private final byte[] response = new byte[SIZE];

    @Setup
    public void setUp() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        echo = Thread.ofPlatform().daemon().name("sw-bench-echo").start(this::serve);
        client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        client.setTcpNoDelay(true);
        in = client.getInputStream();
        out = client.getOutputStream();
    }

    private void serve() {
        try (Socket s = server.accept()) {
            s.setTcpNoDelay(true);
            InputStream sin = s.getInputStream();
            OutputStream sout = s.getOutputStream();
            byte[] buf = new byte[SIZE];
            while (sin.readNBytes(buf, 0, SIZE) == SIZE) {
                sout.write(buf);
            }
        } catch (IOException e) {
            // the benchmark closed the connection
        }
    }

    int roundTrip() throws IOException {
        out.write(request);
        return in.readNBytes(response, 0, SIZE);
    }

    @TearDown
    public void tearDown() throws IOException, InterruptedException {
        client.close();
        server.close();
        echo.join();
    }
}
