import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;

/**
 * fn-jvm: the same contract as fn-static (INIT_MS, INIT_WORK, EXEC_MS, PORT, BIND_ADDR; GET / and /healthz;
 * X-Fn-Init-Ns and X-Fn-Listen-Mono-Ns headers), on a jlink'd java.base + jdk.httpserver runtime.
 * Init is measured from main() (JVM boot before main is visible in the harness's own timeline).
 * System.nanoTime() is CLOCK_MONOTONIC on Linux, the harness's clock.
 */
public final class Fn {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        long initMs = envLong("INIT_MS");
        long workMib = envLong("INIT_WORK");
        long execMs = envLong("EXEC_MS");
        int port = (int) (envLong("PORT") > 0 ? envLong("PORT") : 8080);
        if (initMs > 0) {
            Thread.sleep(initMs);
        }
        long sum = workMib > 0 ? initWork(workMib) : 0;
        String bind = System.getenv().getOrDefault("BIND_ADDR", "");
        InetSocketAddress at = bind.isEmpty()
                ? new InetSocketAddress(port)
                : new InetSocketAddress(InetAddress.getByName(bind), port);
        HttpServer server = HttpServer.create(at, 128); // binds and listens: the kernel queues connections from here
        long t1 = System.nanoTime();
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        String initNs = Long.toString(t1 - t0);
        String listenNs = Long.toString(t1);
        byte[] ok = "ok\n".getBytes(StandardCharsets.US_ASCII);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            boolean health = path.equals("/healthz");
            if (!health && !path.equals("/")) {
                send(ex, 404, "not found\n".getBytes(StandardCharsets.US_ASCII), initNs, listenNs);
                return;
            }
            if (!health && execMs > 0) {
                sleep(execMs);
            }
            send(ex, 200, ok, initNs, listenNs);
        });
        server.start(); // contexts first, so no early request sees a 404
        System.err.printf("fn-jvm: listening on %d after %.3f ms (INIT_MS=%d INIT_WORK=%d MiB sum=%x)%n",
                port, (t1 - t0) / 1e6, initMs, workMib, sum);
        if (!System.getenv().getOrDefault("AOT_TRAIN", "").isEmpty()) {
            train(port, server); // AOT cache training run (fn-jvm-aot build): exercise the request path, exit
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body, String initNs, String listenNs)
            throws IOException {
        ex.getRequestBody().readAllBytes();
        var h = ex.getResponseHeaders();
        h.set("Content-Type", "text/plain");
        h.set("X-Fn-Name", "fn-jvm");
        h.set("X-Fn-Init-Ns", initNs);
        h.set("X-Fn-Listen-Mono-Ns", listenNs);
        ex.sendResponseHeaders(status, body.length);
        try (var os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    /** Real work: write N MiB, checksum it. */
    private static long initWork(long mib) {
        byte[] b = new byte[(int) (mib << 20)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ((i * 2654435761L) >>> 13);
        }
        CRC32 crc = new CRC32();
        crc.update(b);
        return crc.getValue();
    }

    private static void train(int port, HttpServer server) throws Exception {
        for (String path : new String[] {"/healthz", "/", "/healthz", "/"}) {
            var c = (java.net.HttpURLConnection) java.net.URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            System.err.println("train " + path + ": " + c.getResponseCode());
            c.getInputStream().readAllBytes();
        }
        server.stop(0);
        System.exit(0);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long envLong(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? 0 : Long.parseLong(v.strip());
    }
}
