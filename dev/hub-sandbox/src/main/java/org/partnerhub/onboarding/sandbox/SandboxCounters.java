package org.partnerhub.onboarding.sandbox;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

/** Counts of what the fault knobs and the gate did, for the admin endpoint. */
@ApplicationScoped
public class SandboxCounters {

    private final Map<String, Long> counts = new TreeMap<>();

    synchronized void increment(String name) {
        counts.merge(name, 1L, Long::sum);
    }

    synchronized Map<String, Long> snapshot() {
        return Map.copyOf(counts);
    }

    synchronized void clear() {
        counts.clear();
    }
}
