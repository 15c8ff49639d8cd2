package dev.synwarm.client;

import dev.synwarm.wire.StatusLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Makes one HTTP/1.1 request on a fresh connection (no keep-alive, no TLS session resumption) and
 * times each phase on System.nanoTime.
 */
final class Requester {
    private final SSLContext tls;
    private final byte[] buf = new byte[16 * 1024];

    Requester(SSLContext tls) {
        this.tls = tls;
    }

    ClientResult execute(ClientJob job) {
        Long connectStart = null;
        Long connectDone = null;
        Long tlsDone = null;
        Long sent = null;
        Long firstByte = null;
        Long done = null;
        int localPort = 0;
        int status = 0;
        long bytes = 0;
        String version = null;
        String error = "";
        Socket tcp = new Socket();
        Socket s = tcp;
        try {
            tcp.setTcpNoDelay(true);
            tcp.setSoTimeout((int) job.timeoutMs());
            InetSocketAddress to = new InetSocketAddress(job.host(), job.port());
            connectStart = System.nanoTime();
            tcp.connect(to, (int) job.timeoutMs());
            connectDone = System.nanoTime();
            localPort = tcp.getLocalPort();
            if (!job.protocol().equals("http")) {
                SSLSocket t = (SSLSocket) tls.getSocketFactory().createSocket(tcp, job.host(), job.port(), true);
                t.setEnabledProtocols(new String[] {jdkName(job.protocol())});
                SSLParameters p = t.getSSLParameters();
                p.setServerNames(job.serverName() == null ? List.of() : List.of(new SNIHostName(job.serverName())));
                t.setSSLParameters(p);
                t.startHandshake();
                tlsDone = System.nanoTime();
                version = t.getSession().getProtocol();
                s = t;
            }
            OutputStream out = s.getOutputStream();
            // no request id header for unmeasured requests (warm-ups): the edge keeps no record of them
            String idHeader = job.id() == null ? "" : "X-Synwarm-Request: " + job.id() + "\r\n";
            out.write(("GET " + job.path() + " HTTP/1.1\r\nHost: " + job.hostHeader() + "\r\n" + idHeader
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sent = System.nanoTime();
            InputStream in = s.getInputStream();
            int n = in.read(buf);
            firstByte = System.nanoTime();
            status = StatusLine.code(buf, n);
            while (n >= 0) {
                bytes += n;
                n = in.read(buf);
            }
            done = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            error = e.toString();
        } finally {
            if (s instanceof SSLSocket t) {
                t.getSession().invalidate(); // never resume: every request pays the full handshake
            }
            try {
                s.close();
            } catch (IOException ignored) {
                // the request is over either way
            }
        }
        if (error.isEmpty() && status == 0) {
            error = "no HTTP status line in the response";
        }
        return new ClientResult(job.id(), status, localPort, version, connectStart, connectDone, tlsDone, sent,
                firstByte, done, bytes, error);
    }

    static String jdkName(String protocol) {
        return switch (protocol) {
            case "tls12" -> "TLSv1.2";
            case "tls13" -> "TLSv1.3";
            default -> throw new IllegalArgumentException("unknown protocol " + protocol);
        };
    }
}
