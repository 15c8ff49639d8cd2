package dev.synwarm.client;

import dev.synwarm.sys.SystemException;
import dev.synwarm.wire.TlsContexts;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The client's request code inside the harness process, for unmeasured traffic such as warming the
 * gateway's own JIT on loopback before a run. Measurements always use {@link ClientProcess}.
 * Not thread-safe: one per thread.
 */
public final class InProcessClient {
    private final Requester requester;

    public InProcessClient(Path certificatePem) {
        try {
            this.requester = new Requester(TlsContexts.pinned(certificatePem));
        } catch (IOException | GeneralSecurityException e) {
            throw new SystemException("cannot trust " + certificatePem + ": " + e.getMessage(), e);
        }
    }

    /** Makes the request; a null job id sends no request id header. */
    public ClientResult request(ClientJob job) {
        return requester.execute(job);
    }
}
