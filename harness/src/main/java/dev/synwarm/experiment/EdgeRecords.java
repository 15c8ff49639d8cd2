package dev.synwarm.experiment;

import dev.synwarm.gateway.EdgeRecord;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** Matches the gateway's records to the client's requests by request id; the gateway's sink. */
final class EdgeRecords implements Consumer<EdgeRecord> {
    private final Map<String, CompletableFuture<EdgeRecord>> byId = new ConcurrentHashMap<>();

    @Override
    public void accept(EdgeRecord r) {
        if (r.requestId() != null) {
            slot(r.requestId()).complete(r);
        }
    }

    /**
     * The record of {@code requestId}, waiting up to {@code timeout} (the gateway records after relaying
     * the last byte, so it may trail the client's result slightly); null when the gateway never saw it.
     */
    EdgeRecord take(String requestId, Duration timeout) {
        CompletableFuture<EdgeRecord> f = slot(requestId);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            byId.remove(requestId);
        }
    }

    private CompletableFuture<EdgeRecord> slot(String id) {
        return byId.computeIfAbsent(id, k -> new CompletableFuture<>());
    }
}
