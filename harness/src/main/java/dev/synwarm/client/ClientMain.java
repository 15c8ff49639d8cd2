package dev.synwarm.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.synwarm.wire.TlsContexts;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/**
 * The client program, run as its own long-lived process in the client netns (and cgroup, for the
 * sock_ops tagger) so that JVM start-up never sits in a measurement. It warms its JIT against a
 * loopback server of its own, prints a {@code ready} line, then reads one {@link ClientJob} per stdin
 * line and prints one {@link ClientResult} per stdout line, until stdin closes.
 *
 * <pre>ClientMain --cert edge.pem [--warmup 300] [--warmup-keystore edge.p12]   (password in SYNWARM_WARMUP_PASS)</pre>
 */
public final class ClientMain {
    private ClientMain() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("jdk.tls.client.enableSessionTicketExtension", "false"); // full handshakes only
        Path cert = null;
        Path warmKeys = null;
        int warmups = 300;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                fail("option " + a + " needs a value");
            }
            switch (a) {
                case "--cert" -> cert = Path.of(args[++i]);
                case "--warmup" -> warmups = Integer.parseInt(args[++i]);
                case "--warmup-keystore" -> warmKeys = Path.of(args[++i]);
                default -> fail("unknown option " + a);
            }
        }
        if (cert == null) {
            fail("--cert <edge certificate PEM> is required");
        }
        ObjectMapper json = new ObjectMapper();
        SSLContext tls = TlsContexts.pinned(cert);
        Requester requester = new Requester(tls);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        String pass = System.getenv("SYNWARM_WARMUP_PASS");
        warmUp(requester, json, warmups, warmKeys == null || pass == null ? null : TlsContexts.server(warmKeys, pass.toCharArray()));
        out.write(json.writeValueAsString(new ClientResult(ClientResult.READY, 200, 0, null, null, null, null, null,
                null, null, 0, "")));
        out.newLine();
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            ClientResult r = requester.execute(json.readValue(line, ClientJob.class));
            out.write(json.writeValueAsString(r));
            out.newLine();
            out.flush();
        }
    }

    /** Runs the measured code path {@code n} times against loopback: plain, TLS 1.3 and TLS 1.2 in turn. */
    private static void warmUp(Requester requester, ObjectMapper json, int n, SSLContext serverTls) throws Exception {
        try (WarmupServer server = new WarmupServer(serverTls)) {
            String lo = java.net.InetAddress.getLoopbackAddress().getHostAddress();
            for (int i = 0; i < n; i++) {
                String protocol = server.tlsPort() < 0 ? "http" : switch (i % 3) {
                    case 0 -> "http";
                    case 1 -> "tls13";
                    default -> "tls12";
                };
                int port = protocol.equals("http") ? server.plainPort() : server.tlsPort();
                ClientResult r = requester.execute(new ClientJob("warmup-" + i, lo, port, protocol, "localhost",
                        "localhost", "/", 5_000));
                json.writeValueAsString(r); // the result path is part of every request too
                if (!r.ok() && i == 0) {
                    throw new IllegalStateException("warm-up request failed: " + r.error());
                }
            }
        }
    }

    private static void fail(String message) {
        System.err.println("synwarm client: " + message);
        System.exit(2);
    }
}
