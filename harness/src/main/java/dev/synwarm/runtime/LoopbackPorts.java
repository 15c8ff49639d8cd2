package dev.synwarm.runtime;

import dev.synwarm.sys.SystemException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free TCP port on 127.0.0.1 for a function to be published on (bridge) or to listen on (host).
 *
 * <p>Chosen below the kernel's ephemeral range ({@code ip_local_port_range}), not by binding port 0: a port
 * the kernel hands out may be taken by any process's next outgoing connection between our close and the
 * function's bind, which made a host-network function exit with "address in use" before answering. Ports
 * below the range are only ever taken by an explicit bind.
 */
public final class LoopbackPorts {
    private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Below the registered ports most services use; synwarm's functions only need a few at a time. */
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;

    private LoopbackPorts() {}

    public static int free() {
        int below = ephemeralStart();
        if (below - LOWEST < 1000) {
            return kernelChosen(); // an unusual range leaves no room below it: fall back to the kernel's choice
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // someone listens there: try another
            }
        }
        throw new SystemException("no free TCP port on 127.0.0.1 in " + LOWEST + "–" + (below - 1) + " after "
                + ATTEMPTS + " tries");
    }

    /** The first port of the ephemeral range; Linux's default when the file cannot be read. */
    static int ephemeralStart() {
        try {
            // readAllLines, not readString: procfs reports size 0 and readString then returned a truncated value here
            return Integer.parseInt(Files.readAllLines(RANGE).get(0).strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static int kernelChosen() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new SystemException("no free TCP port on 127.0.0.1: " + e.getMessage(), e);
        }
    }
}
