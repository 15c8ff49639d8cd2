package dev.synwarm.bpf;

/** What named the function in the SYN: its destination port ({@code fn_ports}) or the fnid TCP option. */
public enum TriggerSource {
    PORT,
    OPTION
}
