package dev.synwarm.client;

/**
 * One request the client process makes on a fresh connection (one JSON line on its stdin).
 *
 * @param id echoed in the result and sent as the {@code X-Synwarm-Request} header, so the edge's
 *     record of the request can be matched
 * @param protocol {@code http}, {@code tls12} or {@code tls13}
 * @param serverName the TLS SNI to send, null for none
 * @param hostHeader the HTTP Host header
 */
public record ClientJob(String id, String host, int port, String protocol, String serverName, String hostHeader,
        String path, long timeoutMs) {}
