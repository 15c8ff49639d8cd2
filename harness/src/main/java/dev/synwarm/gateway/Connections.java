package dev.synwarm.gateway;

import java.net.InetAddress;

/** The one spelling of a client connection key, so probe events and sockets match. */
final class Connections {
    private Connections() {}

    static String key(InetAddress address, int port) {
        return address.getHostAddress() + ":" + port;
    }
}
