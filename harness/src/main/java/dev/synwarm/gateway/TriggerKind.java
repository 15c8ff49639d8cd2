package dev.synwarm.gateway;

/** What made the gateway start an instance. */
public enum TriggerKind {
    /** The probe saw a SYN to the function's port. */
    SYN_PORT,
    /** The probe saw a SYN carrying the function-id TCP option. */
    SYN_OPTION,
    /** The TLS ClientHello named the function (SNI). */
    SNI,
    /** The request itself (cold path: nothing earlier named the function). */
    REQUEST,
    /** Started ahead of any client, to be warm. */
    WARM
}
