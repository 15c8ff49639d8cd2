package dev.synwarm.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synwarm.gateway.EdgeRecord;
import dev.synwarm.testing.Requires;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The gateway-overhead measurement on the real container and gateway: every pair measured, the gateway
 * saw (and recorded) the measured requests, the paths really differ (timings themselves are not asserted).
 */
class GatewayOverheadTest {
    @Test
    void measuresInterleavedPairsThroughTheRealGateway() {
        Requires.root();
        Requires.docker();
        GatewayOverhead.Result r = GatewayOverhead.measure(new GatewayOverhead.Settings(20, 5));
        assertThat(r.directNs()).hasSize(20);
        assertThat(r.gatewayNs()).hasSize(20);
        assertThat(Arrays.stream(r.directNs()).allMatch(ns -> ns > 0)).isTrue();
        assertThat(Arrays.stream(r.gatewayNs()).allMatch(ns -> ns > 0)).isTrue();
        // only the measured via-gateway requests carry an id; a record may trail its response, hence ≤
        assertThat(r.edge()).isNotEmpty().hasSizeLessThanOrEqualTo(20)
                .allSatisfy(e -> assertThat(e.requestId()).startsWith("gw-"))
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
        assertThat(r.edge().stream().mapToDouble(EdgeRecord::forwardingOverheadMs)).allMatch(Double::isFinite);
        assertThat(r.medianDifferenceCi()).isPresent();
    }
}
