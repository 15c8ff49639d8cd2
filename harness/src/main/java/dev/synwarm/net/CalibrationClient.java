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
 * setns would also work, but would not test that wrapper). Two measures, each after {@code warmup}
 * unmeasured rounds (JIT, caches):
 * <ul>
 *   <li>connect: a new TCP connection per sample, the time {@code connect} takes (SYN → SYN-ACK);
 *   <li>rr: 64-byte request → 64-byte response on one established connection whose server thread is
 *       already waiting. (Sent right after connect, a request would arrive together with the handshake's
 *       final ACK and also time the server's accept and thread start.)
 * </ul>
 * Prints {@code <connectNs> <rrNs>} per sample.
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
        long[] connect = new long[samples];
        for (int i = 0; i < warmup + samples; i++) {
            try (Socket s = open(timeoutMs)) {
                long t0 = System.nanoTime();
                s.connect(server, timeoutMs);
                long t1 = System.nanoTime();
                if (i >= warmup) {
                    connect[i - warmup] = t1 - t0;
                }
            }
        }
        long[] rr = new long[samples];
        byte[] request = new byte[EchoServer.MESSAGE_BYTES];
        byte[] response = new byte[EchoServer.MESSAGE_BYTES];
        try (Socket s = open(timeoutMs)) {
            s.connect(server, timeoutMs);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; i < warmup + samples; i++) {
                long t0 = System.nanoTime();
                out.write(request);
                if (in.readNBytes(response, 0, response.length) != response.length) {
                    throw new IOException("server closed the connection");
                }
                long t1 = System.nanoTime();
                if (i >= warmup) {
                    rr[i - warmup] = t1 - t0;
                }
            }
        }
        PrintStream print = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        for (int i = 0; i < samples; i++) {
            print.println(connect[i] + " " + rr[i]);
        }
        print.flush();
    }

    private static Socket open(int timeoutMs) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(timeoutMs);
        return s;
    }
}
