package org.partnerhub.onboarding.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The latest webhook deliveries (bounded: the oldest go first) and a count per outcome since the last reset. */
@ApplicationScoped
public class DeliveryLog {

    private final Deque<Delivery> latest = new ArrayDeque<>();
    private final Map<String, Long> counts = new TreeMap<>();

    @Inject
    SandboxConfig config;

    synchronized void record(Webhook webhook, String outcome, int attempt, int httpStatus) {
        if (latest.size() >= config.limits().deliveryLog()) {
            latest.removeFirst();
        }
        latest.addLast(new Delivery(webhook.id(), webhook.partnerId(), webhook.event(), webhook.subject(), outcome,
                attempt, httpStatus, Instant.now()));
        counts.merge(outcome, 1L, Long::sum);
    }

    synchronized List<Delivery> latest() {
        return List.copyOf(latest);
    }

    synchronized Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    synchronized void clear() {
        latest.clear();
        counts.clear();
    }
}
