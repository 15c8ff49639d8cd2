package dev.synwarm.model;

import dev.synwarm.scenario.Protocol;
import dev.synwarm.scenario.Mode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-derived cases: L = 20 ms, I = 300 ms, S = 2 ms, no overheads unless stated. */
class LatencyModelTest {
    private static final ModelTerms T = new ModelTerms(20, 300, 2, 0, 0);

    @ParameterizedTest
    @CsvSource({
        // protocol, R = (2k+1)L, sni trigger
        "HTTP, 60", "TLS13, 100", "TLS12, 140",
    })
    void requestArrivesAfterTheHandshakesRoundTrips(Protocol p, double r) {
        assertThat(Timeline.requestAtEdgeMs(p, 20)).isEqualTo(r);
    }

    @ParameterizedTest
    @CsvSource({
        // protocol, mode, accumulated R - T
        "HTTP, SYN_PORT, 40", "TLS13, SYN_PORT, 80", "TLS12, SYN_OPTION, 120",
        "HTTP, SNI, 0", "TLS13, SNI, 40", "TLS12, SNI, 80", "TLS13, COLD, 0", "TLS13, WARM, 0",
    })
    void accumulatedLatencyIsRMinusT(Protocol p, Mode m, double accumulated) {
        assertThat(Timeline.accumulatedMs(p, m, 20)).isEqualTo(accumulated);
    }

    @ParameterizedTest
    @CsvSource({
        // cold = R + I + S + L; warm = R + S + L; syn = max(R, L + I) + S + L; sni = max(R, 3L + I) + S + L
        "HTTP, COLD, 382", "HTTP, WARM, 82", "HTTP, SYN_PORT, 342", "HTTP, SNI, 382",
        "TLS13, COLD, 422", "TLS13, WARM, 122", "TLS13, SYN_OPTION, 342", "TLS13, SNI, 382",
        "TLS12, COLD, 462", "TLS12, WARM, 162", "TLS12, SYN_PORT, 342", "TLS12, SNI, 382",
    })
    void endToEndPerProtocolAndMode(Protocol p, Mode m, double e2e) {
        assertThat(LatencyModel.predict(p, m, T, 0).e2eMs()).isCloseTo(e2e, within(1e-9));
    }

    @Test
    void savingIsMinOfColdPathAndAccumulatedLatency() {
        for (Protocol p : Protocol.values()) {
            for (Mode m : new Mode[] {Mode.SYN_PORT, Mode.SNI}) {
                for (double l : new double[] {0, 10, 50, 100, 200}) {
                    ModelTerms t = new ModelTerms(l, 300, 2, 0, 0);
                    double saving = LatencyModel.predict(p, Mode.COLD, t, 0).e2eMs() - LatencyModel.predict(p, m, t, 0).e2eMs();
                    assertThat(saving).as("%s %s L=%s", p, m, l)
                            .isCloseTo(Math.min(300, Timeline.accumulatedMs(p, m, l)), within(1e-9))
                            .isCloseTo(LatencyModel.idealSavingMs(p, m, l, 300), within(1e-9));
                }
            }
        }
    }

    @Test
    void beyondBreakEvenPrewarmEqualsWarm() {
        ModelTerms far = new ModelTerms(200, 300, 2, 0, 0); // http: accumulated 400 >= 300
        assertThat(LatencyModel.predict(Protocol.HTTP, Mode.SYN_PORT, far, 0).e2eMs())
                .isEqualTo(LatencyModel.predict(Protocol.HTTP, Mode.WARM, far, 0).e2eMs());
    }

    @Test
    void overheadsShiftRequestAndTrigger() {
        ModelTerms t = new ModelTerms(20, 300, 2, 5, 1); // request 5 ms late, response 1 ms slow
        // tls13 syn-port: max(100 + 5, 20 + 3 + 300) + 2 + 20 + 1 = 346 with a 3 ms trigger delay
        assertThat(LatencyModel.predict(Protocol.TLS13, Mode.SYN_PORT, t, 3).e2eMs()).isCloseTo(346, within(1e-9));
        // L = 40: the request arrives after the instance is ready: max(200 + 5, 40 + 3 + 150) + 2 + 40 + 1 = 248
        ModelTerms far = new ModelTerms(40, 150, 2, 5, 1);
        assertThat(LatencyModel.predict(Protocol.TLS13, Mode.SYN_PORT, far, 3).e2eMs()).isCloseTo(248, within(1e-9));
        assertThat(LatencyModel.predict(Protocol.TLS13, Mode.WARM, t, 3).e2eMs()).isCloseTo(128, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({
        // L* = I / (2 x round trips after the trigger), I = 300
        "HTTP, SYN_PORT, 150", "TLS13, SYN_PORT, 75", "TLS12, SYN_OPTION, 50", "TLS13, SNI, 150", "TLS12, SNI, 75",
    })
    void breakEvenOneWayLatency(Protocol p, Mode m, double l) {
        assertThat(LatencyModel.breakEvenOneWayMs(p, m, 300).orElseThrow()).isCloseTo(l, within(1e-9));
    }

    @Test
    void noBreakEvenWithoutAnEarlyTrigger() {
        assertThat(LatencyModel.breakEvenOneWayMs(Protocol.HTTP, Mode.SNI, 300)).isEmpty();
        assertThat(LatencyModel.breakEvenOneWayMs(Protocol.TLS13, Mode.COLD, 300)).isEmpty();
    }
}
