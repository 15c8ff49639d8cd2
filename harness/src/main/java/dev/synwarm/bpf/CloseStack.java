package dev.synwarm.bpf;

import java.util.ArrayDeque;
import java.util.Deque;

/** The one cleanup path of a multi-step set-up: closes what was pushed, newest first, exactly once. */
final class CloseStack implements AutoCloseable {
    private final Deque<AutoCloseable> items = new ArrayDeque<>();

    <T extends AutoCloseable> T push(T item) {
        items.push(item);
        return item;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (AutoCloseable c; (c = items.poll()) != null; ) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Undoes a set-up that failed with {@code failure}; what fails while undoing is kept as suppressed. */
    RuntimeException unwind(RuntimeException failure) {
        try {
            close();
        } catch (RuntimeException suppressed) {
            failure.addSuppressed(suppressed);
        }
        return failure;
    }
}
