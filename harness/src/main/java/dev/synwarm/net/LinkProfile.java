package dev.synwarm.net;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Named links whose numbers come from public ping measurements. Every source reports round-trip times, so
 * the one-way delay is half the reported RTT. Where a source also reports the spread (standard deviation
 * σ of the RTT), the jitter is the half-width of the uniform per-direction distribution that gives the same
 * RTT spread: two independent uniform ±a draws have σ = a·√(2/3), so a = σ·√(3/2). Sources that report only
 * averages get jitter 0 (add {@code --jitter} for a spread); no number below is invented.
 */
public enum LinkProfile {
    /**
     * 0.4 ms RTT: hrping between two VMs on one ESX host over a standard vSwitch, "Ping is not a real latency
     * measurement", vskeeball.com, 2021-09-14. Spread not reported.
     */
    LAN(Duration.ofNanos(200_000), Duration.ZERO,
            "vskeeball.com 2021-09-14: hrping VM to VM on one host, ~0.4 ms RTT"),
    /**
     * 2 ms RTT: "typical latency from the polling engine [Maidstone WAN centre] to a school CPE", ICMP polls
     * every 60 s across the Kent Community Network, clusterweb.org.uk "KCN Latency Statistics", 2007-01-25.
     */
    METRO(Duration.ofMillis(1), Duration.ZERO,
            "KCN Latency Statistics 2007-01-25: Kent metro network, typical 2 ms RTT"),
    /**
     * 9.7 ms RTT average, σ 0.5 ms (best 8.5, worst 11.1): {@code mtr -rwc 25} Austin TX → Vultr Dallas,
     * kel.bz "Physical proximity and latency", 2021-03-28. Jitter 0.5·√1.5 ≈ 0.6 ms.
     */
    REGIONAL(Duration.ofNanos(4_850_000), Duration.ofNanos(600_000),
            "kel.bz 2021-03-28: mtr Austin -> Dallas, 9.7 ms RTT avg, 0.5 ms stdev"),
    /**
     * 39.46 ms RTT average: ping New York → Dallas between WonderProxy servers, "Miles per Millisecond",
     * wonderproxy.com/blog, 2011-02-09. Spread not reported.
     */
    CONTINENTAL(Duration.ofNanos(19_730_000), Duration.ZERO,
            "WonderProxy 'Miles per Millisecond' 2011-02-09: ping New York -> Dallas, 39.46 ms RTT avg"),
    /**
     * 78.33 ms RTT average: ping New York → Paris between WonderProxy servers, same table as CONTINENTAL.
     */
    INTERCONTINENTAL(Duration.ofNanos(39_165_000), Duration.ZERO,
            "WonderProxy 'Miles per Millisecond' 2011-02-09: ping New York -> Paris, 78.33 ms RTT avg"),
    /**
     * ~600 ms RTT: "a circuit that includes a [geostationary] satellite hop will generally see RTT
     * measurements of around 600ms", G. Huston, "Testing LEO and GEO satellite services in Australia",
     * blog.apnic.net, 2022-05-02. Spread not reported.
     */
    SATELLITE(Duration.ofMillis(300), Duration.ZERO,
            "APNIC blog 2022-05-02 (Huston): GEO satellite path ~600 ms RTT");

    private final Duration oneWay;
    private final Duration jitter;
    private final String source;

    LinkProfile(Duration oneWay, Duration jitter, String source) {
        this.oneWay = oneWay;
        this.jitter = jitter;
        this.source = source;
    }

    public LinkSpec link() {
        return new LinkSpec(oneWay, jitter, 0);
    }

    /** Where the numbers come from and what was measured, for reports. */
    public String source() {
        return source;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a profile name (any case); the message lists the known names. */
    public static LinkProfile parse(String name) {
        String t = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (LinkProfile p : values()) {
            if (p.name().equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("profile '" + name + "' is not one of "
                + Arrays.stream(values()).map(LinkProfile::cliName).collect(Collectors.joining(", ")));
    }
}
