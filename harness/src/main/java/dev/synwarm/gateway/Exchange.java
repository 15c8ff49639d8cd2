package dev.synwarm.gateway;

import dev.synwarm.measure.MonotonicClock;
import dev.synwarm.wire.StatusLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;

/**
 * One client connection: TLS handshake (with the ClientHello's server name handed to the gateway the
 * moment it is parsed), request head, function lookup, wait for an instance, forward, relay the
 * response, record. Plain blocking sockets on a virtual thread; the request head is forwarded from the
 * buffer it was read into.
 */
final class Exchange {
    private static final int TIMEOUT_MS = 60_000;
    private final Gateway gateway;
    private final Socket client;
    private final Listener from;
    private final long acceptedNs;
    private final String connection;
    private volatile String serverName;
    private volatile Long clientHelloNs;

    Exchange(Gateway gateway, Socket client, long acceptedNs, Listener from) {
        this.gateway = gateway;
        this.client = client;
        this.from = from;
        this.acceptedNs = acceptedNs;
        this.connection = Connections.key(client.getInetAddress(), client.getPort());
    }

    /** Called by JSSE while it parses the ClientHello, before the server's first flight. */
    private final class NameSeen extends SNIMatcher {
        NameSeen() {
            super(StandardConstants.SNI_HOST_NAME);
        }

        @Override
        public boolean matches(SNIServerName name) {
            long now = MonotonicClock.nowNs();
            String host = name instanceof SNIHostName h ? h.getAsciiName() : new SNIHostName(name.getEncoded()).getAsciiName();
            serverName = host;
            clientHelloNs = now;
            gateway.onClientHello(connection, host, now);
            return true;
        }
    }

    void run() {
        Long tlsDone = null;
        Long requestAt = null;
        Long forwarded = null;
        Long firstByte = null;
        Long done = null;
        SynSeen syn = null;
        Lease lease = null;
        String function = from.function();
        RequestHead head = null;
        int status = 0;
        String error = "";
        // A ready instance behind a function port: start the upstream TCP handshake now, so the kernel
        // completes it while the client's TLS handshake and request head are still arriving.
        SocketChannel early = from.role() == ListenerRole.FUNCTION ? Preconnect.start(gateway.readyEndpoint(function)) : null;
        try (Socket c = client) {
            c.setTcpNoDelay(true);
            c.setSoTimeout(TIMEOUT_MS);
            if (c instanceof SSLSocket s) {
                SSLParameters p = s.getSSLParameters();
                p.setSNIMatchers(List.of(new NameSeen()));
                s.setSSLParameters(p);
                s.startHandshake();
                tlsDone = MonotonicClock.nowNs();
            }
            InputStream in = c.getInputStream();
            OutputStream out = c.getOutputStream();
            head = RequestHead.read(in);
            if (head == null) {
                return; // a connect without a request (health check, port scan): nothing to record
            }
            requestAt = MonotonicClock.nowNs();
            syn = gateway.takeSyn(connection);
            function = gateway.resolve(from, syn, serverName, head.host());
            if (function == null) {
                status = 404;
                error = "no function named by port, SYN option, SNI '" + serverName + "' or Host '" + head.host() + "'";
                reply(out, status, error);
                return;
            }
            try {
                lease = gateway.acquire(function, new Trigger(TriggerKind.REQUEST, requestAt, MonotonicClock.nowNs(), connection));
            } catch (RuntimeException e) {
                status = 502;
                error = e.getMessage();
                reply(out, status, error);
                return;
            }
            Socket upstream;
            try {
                upstream = Preconnect.finish(early, lease.upstream().endpoint());
            } catch (IOException e) {
                // the instance is gone (container killed, daemon restarted): fail this request, not the next
                gateway.forget(function, lease.upstream());
                status = 502;
                error = "instance " + lease.upstream().id() + " unreachable: " + e.getMessage();
                reply(out, status, error);
                return;
            } finally {
                early = null;
            }
            try (Socket up = upstream) {
                up.setSoTimeout(TIMEOUT_MS);
                OutputStream upOut = up.getOutputStream();
                upOut.write(head.bytes(), 0, head.length());
                copyBody(in, upOut, head.contentLength() - (head.length() - head.headLength()));
                upOut.flush();
                forwarded = MonotonicClock.nowNs();
                InputStream upIn = up.getInputStream();
                byte[] buf = head.bytes(); // the request is sent: reuse its buffer for the response
                int n = upIn.read(buf);
                firstByte = MonotonicClock.nowNs();
                if (n < 0) { // the port's proxy took the connection but nothing behind it answered
                    firstByte = null;
                    throw new IOException("instance " + lease.upstream().id() + " closed the connection without a response");
                }
                status = StatusLine.code(buf, n);
                while (n >= 0) {
                    out.write(buf, 0, n);
                    n = upIn.read(buf);
                }
                out.flush();
                done = MonotonicClock.nowNs();
            } catch (IOException e) {
                if (firstByte == null) { // the instance died under the request: the next one starts afresh
                    gateway.forget(function, lease.upstream());
                }
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            error = error.isEmpty() ? e.toString() : error;
        } finally {
            Preconnect.abandon(early);
            if (head != null) {
                gateway.record(new EdgeRecord(head.requestId(), function, connection, from.role(), from.tls(),
                        gateway.mode(), acceptedNs, tlsDone, clientHelloNs, requestAt, forwarded, firstByte, done, syn,
                        lease == null ? null : lease.found(), lease == null ? null : lease.startedBy(),
                        lease == null ? null : lease.upstream().times(),
                        lease == null || lease.upstream().reportedInit() == null ? null
                                : lease.upstream().reportedInit().toNanos() / 1e6,
                        status, error == null ? "" : error));
            }
        }
    }

    private static void copyBody(InputStream in, OutputStream out, long remaining) throws IOException {
        byte[] b = remaining > 0 ? new byte[8192] : null;
        while (remaining > 0) {
            int n = in.read(b, 0, (int) Math.min(b.length, remaining));
            if (n < 0) {
                throw new IOException("client closed inside the request body");
            }
            out.write(b, 0, n);
            remaining -= n;
        }
    }

    private static void reply(OutputStream out, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        String reason = status == 404 ? "Not Found" : "Bad Gateway";
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

}
