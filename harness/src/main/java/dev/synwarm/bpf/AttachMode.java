package dev.synwarm.bpf;

/** Where the probe sees the SYN: XDP (before the stack allocates an skb) or TC ingress (after). */
public enum AttachMode {
    XDP,
    TC
}
