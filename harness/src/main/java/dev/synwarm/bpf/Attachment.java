package dev.synwarm.bpf;

/** A program attached to a hook; closing detaches it. */
public interface Attachment extends AutoCloseable {
    /** For messages: "xdp link on sw-ab12-e". */
    String description();

    @Override
    void close();
}
