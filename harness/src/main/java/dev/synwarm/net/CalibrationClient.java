package dev.synwarm.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The measuring side of {@code calibrate}, run as its own process through {@link Topology#inClient} so it
 * sits in the client namespace and cgroup exactly as the experiment's client will (a thread that called
 * setns would also work, but would not test that wrapper). Per sample: a new TCP connection (time of
 * {@code connect}, i.e. SYN → SYN-ACK) and one 64-byte request/response on it. Prints
 * {@code <connectNs> <rrNs>} per measured sample after {@code warmup} unmeasured ones (JIT, caches).
 *
 * <p>usage: CalibrationClient HOST PORT SAMPLES WARMUP TIMEOUT_MS
 */
public final class CalibrationClient {
    private CalibrationClient() {}

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1]));
        int samples = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int timeoutMs = Integer.parseInt(args[4]);
        ThreadPriority.nice(ThreadPriority.MEASURING_NICE);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        byte[] request = new byte[EchoServer.MESSAGE_BYTES];
        byte[] response = new byte[EchoServer.MESSAGE_BYTES];
        for (int i = 0; i < warmup + samples; i++) {
            try (Socket s = new Socket()) {
                s.setTcpNoDelay(true);
                s.setSoTimeout(timeoutMs);
                long t0 = System.nanoTime();
                s.connect(server, timeoutMs);
                long t1 = System.nanoTime();
                OutputStream o = s.getOutputStream();
                InputStream in = s.getInputStream();
                o.write(request);
                if (in.readNBytes(response, 0, response.length) != response.length) {
                    throw new IOException("server closed the connection");
                }
                long t2 = System.nanoTime();
                if (i >= warmup) {
                    out.println((t1 - t0) + " " + (t2 - t1));
                }
            }
        }
        out.flush();
    }
}
