package org.partnerhub.onboarding.keys;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which parts of the service keep failing to make progress (a record retried because PostgreSQL or Kafka is
 * unavailable, due claims that cannot be leased); a part is cleared with its next success. Shown by
 * {@link ProgressHealthCheck}.
 */
@ApplicationScoped
public class Progress {

    private final Map<String, String> stalled = new ConcurrentHashMap<>();

    /** Only the failure's type is kept: messages of driver exceptions may quote statements. */
    public void stalled(String part, Throwable cause) {
        stalled.put(part, cause.getClass().getSimpleName());
    }

    public void progressed(String part) {
        stalled.remove(part);
    }

    Map<String, String> stalled() {
        return Map.copyOf(stalled);
    }
}
