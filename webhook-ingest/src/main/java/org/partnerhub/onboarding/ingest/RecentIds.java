package org.partnerhub.onboarding.ingest;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The ids published within a time window, at most a fixed number of them. Forgetting one early only costs a second
 * record, which consumers de-duplicate anyway; the bound keeps a flood of distinct ids from filling the heap.
 */
final class RecentIds {

    private final long windowNanos;
    private final int capacity;
    private final LongSupplier nanoTime;
    // Insertion order is time order, so expired ids are always at the head.
    private final LinkedHashMap<String, Long> rememberedAt = new LinkedHashMap<>();

    RecentIds(Duration window, int capacity, LongSupplier nanoTime) {
        this.windowNanos = window.toNanos();
        this.capacity = capacity;
        this.nanoTime = nanoTime;
    }

    synchronized boolean contains(String id) {
        forgetExpired(nanoTime.getAsLong());
        return rememberedAt.containsKey(id);
    }

    synchronized void remember(String id) {
        if (windowNanos <= 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        rememberedAt.remove(id);
        rememberedAt.put(id, now);
        forgetExpired(now);
        Iterator<String> oldest = rememberedAt.keySet().iterator();
        while (rememberedAt.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
    }

    private void forgetExpired(long now) {
        Iterator<Map.Entry<String, Long>> oldest = rememberedAt.entrySet().iterator();
        while (oldest.hasNext() && now - oldest.next().getValue() >= windowNanos) {
            oldest.remove();
        }
    }
}
