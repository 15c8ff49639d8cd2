package dev.synwarm.wire;

/** The status code at the start of an HTTP/1.x response, read from the raw bytes without decoding them. */
public final class StatusLine {
    private StatusLine() {}

    /** The status of the response whose first {@code n} bytes are in {@code b}; 0 when they are not one. */
    public static int code(byte[] b, int n) {
        if (n < 12 || b[0] != 'H' || b[8] != ' ') {
            return 0;
        }
        return (b[9] - '0') * 100 + (b[10] - '0') * 10 + (b[11] - '0');
    }
}
