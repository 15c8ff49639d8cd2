package dev.synwarm.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The measuring side of {@code calibrate}, run as its own process through {@link Topology#inClient} so it
 * sits in the client namespace and cgroup exactly as the experiment's client will (a thread that called
 * setns would also work, but would not test that wrapper). Two measures, each after {@code warmup}
 * unmeasured rounds (JIT, caches), for each client wait mode, interleaved round by round (A/B/A/B) so
 * that both modes see the same machine:
 * <ul>
 *   <li>connect: a new TCP connection per sample, the time {@code connect} takes (SYN → SYN-ACK);
 *   <li>rr: 64-byte request → 64-byte response on an established connection whose server thread is
 *       already waiting. (Sent right after connect, a request would arrive together with the handshake's
 *       final ACK and also time the server's accept and thread start.) Each connection carries
 *       {@link #RR_CHUNK} rounds and is then closed, so that a spinning server thread never waits on a
 *       connection the client is not using (two spinners would share two CPUs with the delay line).
 * </ul>
 *
 * <p>Why {@link WaitMode#SPIN} is calibrate's default: a client that sleeps through a 2 × one-way wait
 * pays a scheduler wake-up on return (on this VM 0.1–0.5 ms, growing with the idle time); spinning from
 * shortly before the reply removes that. It does not remove what every host step pays after a long idle
 * on this VM (caches evicted: the kernel's receive path, the delay line's threads, this client's code
 * after the reply, the echo server), so at one-way 50–100 ms these figures stay a few tenths of a ms
 * above the link's own share, which {@link LinkTap} measures from kernel timestamps at both link ends.
 * {@link WaitMode#BLOCK} measures what an ordinary blocking client (the experiment's) sees and stays
 * selectable, so the wake-up cost can be reported next to the spinning client's.
 *
 * <p>Prints {@code <wait> <connectNs> <rrNs>} per sample and wait mode.
 *
 * <p>usage: CalibrationClient HOST PORT SAMPLES WARMUP TIMEOUT_MS CLIENT_WAITS SERVER_WAIT EXPECTED_RTT_NS,
 * where CLIENT_WAITS is a comma-separated list of {@link WaitMode} names and EXPECTED_RTT_NS (2 × one-way)
 * tells {@code spin} when to stop sleeping.
 */
public final class CalibrationClient {
    /** rr rounds per connection; a new connection (unmeasured) starts each chunk. */
    static final int RR_CHUNK = 10;

    private final InetSocketAddress server;
    private final int timeoutMs;
    private final long timeoutNs;
    private final WaitMode serverWait;
    private final long expectedRttNs;
    private final ArrivalWait arrival;

    private CalibrationClient(InetSocketAddress server, int timeoutMs, WaitMode serverWait, long expectedRttNs)
            throws IOException {
        this.server = server;
        this.timeoutMs = timeoutMs;
        this.timeoutNs = timeoutMs * 1_000_000L;
        this.serverWait = serverWait;
        this.expectedRttNs = expectedRttNs;
        this.arrival = new ArrivalWait();
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1]));
        int samples = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int timeoutMs = Integer.parseInt(args[4]);
        List<WaitMode> waits = WaitMode.parseList(args[5]);
        CalibrationClient client = new CalibrationClient(server, timeoutMs, WaitMode.parse(args[6]),
                Long.parseLong(args[7]));
        ThreadPriority.nice(ThreadPriority.MEASURING_NICE);
        int rounds = warmup + samples;
        long[][] connect = new long[waits.size()][rounds];
        for (int i = 0; i < rounds; i++) {
            for (int w = 0; w < waits.size(); w++) {
                WaitMode wait = waits.get(w);
                connect[w][i] = wait == WaitMode.BLOCK ? client.connectBlock() : client.connectPolling(wait);
            }
        }
        long[][] rr = new long[waits.size()][rounds];
        for (int start = 0; start < rounds; start += RR_CHUNK) {
            int end = Math.min(rounds, start + RR_CHUNK);
            for (int w = 0; w < waits.size(); w++) {
                WaitMode wait = waits.get(w);
                if (wait == WaitMode.BLOCK) {
                    client.rrBlock(rr[w], start, end);
                } else {
                    client.rrPolling(wait, rr[w], start, end);
                }
            }
        }
        PrintStream print = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        for (int w = 0; w < waits.size(); w++) {
            for (int i = warmup; i < rounds; i++) {
                print.println(waits.get(w).cliName() + " " + connect[w][i] + " " + rr[w][i]);
            }
        }
        print.flush();
    }

    private long connectPolling(WaitMode wait) throws IOException {
        try (SocketChannel c = SocketChannel.open()) {
            c.configureBlocking(false);
            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            long t0 = System.nanoTime();
            if (!c.connect(server)) {
                arrival.await(c, SelectionKey.OP_CONNECT, expected(wait, t0), t0 + timeoutNs, "connect",
                        c::finishConnect);
            }
            return System.nanoTime() - t0;
        }
    }

    /** When the answer to something sent at {@code t0} is due, for {@link ArrivalWait#await}. */
    private long expected(WaitMode wait, long t0) {
        return wait == WaitMode.SPIN ? t0 + expectedRttNs : Long.MIN_VALUE;
    }

    private long connectBlock() throws IOException {
        try (Socket s = blockingSocket()) {
            long t0 = System.nanoTime();
            s.connect(server, timeoutMs);
            return System.nanoTime() - t0;
        }
    }

    /** Rounds {@code [start, end)} of rr on one fresh non-blocking connection, polled (see {@link WaitMode}). */
    private void rrPolling(WaitMode wait, long[] into, int start, int end) throws IOException {
        ByteBuffer request = ByteBuffer.allocateDirect(EchoServer.MESSAGE_BYTES);
        ByteBuffer response = ByteBuffer.allocateDirect(EchoServer.MESSAGE_BYTES);
        try (SocketChannel c = SocketChannel.open()) {
            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.connect(server);
            c.configureBlocking(false);
            EchoServer.writeHello(request, serverWait, expectedRttNs);
            exchangePolling(wait, c, request, response); // tells the server how to wait; not measured
            request.clear();
            request.put(new byte[EchoServer.MESSAGE_BYTES]);
            for (int i = start; i < end; i++) {
                into[i] = exchangePolling(wait, c, request, response);
            }
        }
    }

    private long exchangePolling(WaitMode wait, SocketChannel c, ByteBuffer request, ByteBuffer response)
            throws IOException {
        request.clear();
        response.clear();
        long t0 = System.nanoTime();
        while (request.hasRemaining()) {
            c.write(request); // 64 bytes into an empty send buffer: one call
        }
        arrival.await(c, SelectionKey.OP_READ, expected(wait, t0), t0 + timeoutNs, "response", () -> {
            if (c.read(response) < 0) {
                throw new IOException("server closed the connection");
            }
            return !response.hasRemaining();
        });
        return System.nanoTime() - t0;
    }

    /** Rounds {@code [start, end)} of rr on one fresh connection with blocking streams (the experiment's way). */
    private void rrBlock(long[] into, int start, int end) throws IOException {
        byte[] request = new byte[EchoServer.MESSAGE_BYTES];
        byte[] response = new byte[EchoServer.MESSAGE_BYTES];
        try (Socket s = blockingSocket()) {
            s.connect(server, timeoutMs);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            ByteBuffer hello = ByteBuffer.wrap(request);
            EchoServer.writeHello(hello, serverWait, expectedRttNs);
            exchangeBlock(out, in, request, response); // tells the server how to wait; not measured
            Arrays.fill(request, (byte) 0);
            for (int i = start; i < end; i++) {
                into[i] = exchangeBlock(out, in, request, response);
            }
        }
    }

    private static long exchangeBlock(OutputStream out, InputStream in, byte[] request, byte[] response)
            throws IOException {
        long t0 = System.nanoTime();
        out.write(request);
        if (in.readNBytes(response, 0, response.length) != response.length) {
            throw new IOException("server closed the connection");
        }
        return System.nanoTime() - t0;
    }

    private Socket blockingSocket() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(timeoutMs);
        return s;
    }
}
