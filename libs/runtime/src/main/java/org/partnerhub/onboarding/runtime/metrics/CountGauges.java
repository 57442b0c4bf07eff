package org.partnerhub.onboarding.runtime.metrics;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * One gauge per combination of tags (a hub, a kind) holding a count a service takes from its database now and then.
 * A combination once counted stays registered and reads 0 when a later count no longer has it, so that its series
 * drops to 0 (an alert resolves, a dashboard shows the drop) instead of vanishing at its last value. The callers keep
 * the tags bounded (hubs and a fixed set of kinds, never ids), which bounds the gauges.
 */
public final class CountGauges {

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final Map<Tags, AtomicLong> values = new ConcurrentHashMap<>();

    /** @param known combinations reported as 0 before the first count, e.g. every configured hub */
    public CountGauges(MeterRegistry registry, String name, String description, Collection<Tags> known) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        known.forEach(this::gauge);
    }

    /** Sets each combination to its count, and every other one registered so far to 0. */
    public synchronized void update(Map<Tags, Long> counts) {
        counts.keySet().forEach(this::gauge);
        values.forEach((tags, value) -> value.set(counts.getOrDefault(tags, 0L)));
    }

    private AtomicLong gauge(Tags tags) {
        return values.computeIfAbsent(tags, newTags -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).description(description).tags(newTags).strongReference(true)
                    .register(registry);
            return value;
        });
    }
}
