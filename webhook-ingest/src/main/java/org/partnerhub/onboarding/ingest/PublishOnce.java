package org.partnerhub.onboarding.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Publishes each webhook id once within the dedup window. A redelivery of an id already acknowledged is a duplicate;
 * one arriving while the first copy is still being published waits for that copy's outcome instead of writing a
 * second record. An id whose publish failed is not remembered, so the sender's retry publishes it.
 */
final class PublishOnce {

    enum Outcome { PUBLISHED, DUPLICATE }

    private final RecentIds recent;
    private final ConcurrentMap<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    PublishOnce(RecentIds recent) {
        this.recent = recent;
    }

    CompletableFuture<Outcome> publish(String id, Supplier<CompletableFuture<Void>> publisher) {
        if (recent.contains(id)) {
            return CompletableFuture.completedFuture(Outcome.DUPLICATE);
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> earlier = inFlight.putIfAbsent(id, mine);
        if (earlier != null) {
            return earlier.thenApply(acked -> Outcome.DUPLICATE);
        }
        // The earlier copy may have been acknowledged between the first look and taking the slot.
        if (recent.contains(id)) {
            inFlight.remove(id, mine);
            mine.complete(null);
            return CompletableFuture.completedFuture(Outcome.DUPLICATE);
        }
        CompletableFuture<Void> acked;
        try {
            acked = publisher.get();
        } catch (RuntimeException e) {
            acked = CompletableFuture.failedFuture(e);
        }
        acked.whenComplete((ignored, failure) -> {
            if (failure == null) {
                recent.remember(id);
            }
            inFlight.remove(id, mine);
            if (failure == null) {
                mine.complete(null);
            } else {
                mine.completeExceptionally(failure);
            }
        });
        return mine.thenApply(ack -> Outcome.PUBLISHED);
    }
}
