package dev.synwarm.gateway;

/** How a listener learns the function of a connection. */
public enum ListenerRole {
    /** The port is the function's own (syn-port, cold, warm). */
    FUNCTION,
    /** Shared port; the SYN's function-id option names it (syn-option), else SNI, else Host. */
    OPTION,
    /** Shared port; the name in the TLS ClientHello (sni), else the Host header. */
    NAMED
}
