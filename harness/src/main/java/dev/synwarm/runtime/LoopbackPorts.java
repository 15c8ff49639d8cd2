package dev.synwarm.runtime;

import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A free TCP port on 127.0.0.1 for a function to be published on (bridge) or to listen on (host). The
 * kernel picks it; between our close and Docker's bind another process could take it, which the runtime
 * handles by retrying the start with a fresh port.
 */
public final class LoopbackPorts {
    private LoopbackPorts() {}

    public static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new SystemException("no free TCP port on 127.0.0.1: " + e.getMessage(), e);
        }
    }
}
