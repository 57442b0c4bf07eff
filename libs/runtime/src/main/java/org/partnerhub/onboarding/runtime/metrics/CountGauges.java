package org.partnerhub.onboarding.runtime.metrics;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.smallrye.mutiny.Uni;

/**
 * One gauge per combination of tags (a hub, a kind) holding a count a service takes from its database now and then.
 * A combination once counted stays registered and reads 0 when a later count no longer has it, so that its series
 * drops to 0 (an alert resolves, a dashboard shows the drop) instead of vanishing at its last value. The callers keep
 * the tags bounded (hubs and a fixed set of kinds, never ids), which bounds the gauges.
 */
public final class CountGauges {

    private static final Logger LOG = Logger.getLogger(CountGauges.class);

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

    /**
     * Takes the count and updates the gauges with it. A failed count is logged and leaves the gauges at the last
     * count until the database answers again (readiness reports the outage).
     */
    public Uni<Void> refresh(Uni<Map<Tags, Long>> count) {
        return count.invoke(this::update)
                .onFailure().invoke(failure -> LOG.warnf("Counting %s failed: %s", name, failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
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
