package dev.synwarm.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The head of one HTTP/1.1 request as read off the client socket: the raw bytes (forwarded unchanged,
 * no copy into strings beyond the few headers the gateway routes by) and those headers.
 *
 * @param bytes buffer holding the head and possibly the start of a body; {@code length} bytes are valid
 * @param headLength bytes up to and including the blank line
 * @param host the Host header without a port, null when absent
 * @param requestId the client's {@code X-Synwarm-Request} header, null when absent
 */
record RequestHead(byte[] bytes, int length, int headLength, String host, String requestId, long contentLength) {
    static final int MAX = 16 * 1024;
    static final String REQUEST_ID = "x-synwarm-request";

    /** Reads until the end of the head; null when the client closed before sending one. */
    static RequestHead read(InputStream in) throws IOException {
        byte[] buf = new byte[MAX];
        int n = 0;
        int end = -1;
        while (end < 0) {
            if (n == buf.length) {
                throw new IOException("request head longer than " + MAX + " bytes");
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                if (n == 0) {
                    return null;
                }
                throw new IOException("connection closed inside the request head");
            }
            end = endOfHead(buf, Math.max(0, n - 3), n + r);
            n += r;
        }
        return parse(buf, n, end);
    }

    private static int endOfHead(byte[] b, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    private static RequestHead parse(byte[] buf, int n, int end) {
        String host = null;
        String id = null;
        long contentLength = 0;
        int lineStart = indexOfCrlf(buf, 0, end) + 2; // skip the request line
        while (lineStart < end - 2) {
            int eol = indexOfCrlf(buf, lineStart, end);
            int colon = indexOf(buf, (byte) ':', lineStart, eol);
            if (colon > 0) {
                String name = new String(buf, lineStart, colon - lineStart, StandardCharsets.US_ASCII).strip();
                if (name.equalsIgnoreCase("host") || name.equalsIgnoreCase(REQUEST_ID) || name.equalsIgnoreCase("content-length")) {
                    String value = new String(buf, colon + 1, eol - colon - 1, StandardCharsets.US_ASCII).strip();
                    switch (name.toLowerCase(java.util.Locale.ROOT)) {
                        case "host" -> host = withoutPort(value);
                        case REQUEST_ID -> id = value;
                        default -> contentLength = Long.parseLong(value);
                    }
                }
            }
            lineStart = eol + 2;
        }
        return new RequestHead(buf, n, end, host, id, contentLength);
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            return host; // IPv6 literal: never a function name
        }
        int c = host.indexOf(':');
        return c < 0 ? host : host.substring(0, c);
    }

    private static int indexOfCrlf(byte[] b, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return to;
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
