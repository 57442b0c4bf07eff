package org.partnerhub.onboarding.examples.subscriber;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code ce_id}s already handled, the most recent {@code capacity} of them. Every producer here publishes at
 * least once (an outbox relay that crashes after Kafka took a record sends it again), so the same event can arrive
 * twice at different offsets; its {@code ce_id} is the same both times because ids are derived from the fact.
 * A service with a database records the id in the same transaction as its effect instead, and keeps it for as long
 * as a redelivery can come (the topics keep events forever, so: for good, or as long as it replays).
 */
final class SeenEvents {

    private final Map<String, Boolean> ids;

    SeenEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is offered (again after it was evicted), false for a repeat. */
    boolean firstTime(String ceId) {
        return ids.put(ceId, Boolean.TRUE) == null;
    }
}
