package dev.synwarm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {
    @Test
    void portsComeFromBelowTheEphemeralRangeAndCanBeBound() throws Exception {
        int ephemeral = LoopbackPorts.ephemeralStart();
        for (int i = 0; i < 20; i++) {
            int port = LoopbackPorts.free();
            assertThat(port).isBetween(10_000, ephemeral - 1);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(s.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
