package org.partnerhub.onboarding.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fault knobs as the admin endpoint shows and takes them. Rates are shares from 0 to 1, decided per call or
 * per webhook. {@code dropEvents} names webhook events that are never sent, so a test can lose exactly the
 * {@code channel_running} the reconciler has to find.
 */
public record Faults(
        double errorRate,
        double throttleRate,
        long retryAfterSeconds,
        long latencyMs,
        double duplicateRate,
        double reorderRate,
        double dropRate,
        long stepDelayMs,
        List<String> dropEvents) {

    private static final List<String> KNOBS = List.of("errorRate", "throttleRate", "retryAfterSeconds", "latencyMs",
            "duplicateRate", "reorderRate", "dropRate", "stepDelayMs", "dropEvents");
    private static final Set<String> EVENTS = Set.of("client_created", "channel_created", "channel_submitted",
            "channel_ready", "channel_running", "channel_live", "cancellation_request", "cancellation_revoke",
            "cancellation_processed", "account_restriction");

    public Faults {
        rate("errorRate", errorRate);
        rate("throttleRate", throttleRate);
        rate("duplicateRate", duplicateRate);
        rate("reorderRate", reorderRate);
        rate("dropRate", dropRate);
        bounded("retryAfterSeconds", retryAfterSeconds, 3_600);
        bounded("latencyMs", latencyMs, 60_000);
        bounded("stepDelayMs", stepDelayMs, 3_600_000);
        dropEvents = List.copyOf(dropEvents);
        for (String event : dropEvents) {
            if (!EVENTS.contains(event)) {
                throw new IllegalArgumentException("dropEvents: unknown event " + event + " (events: "
                        + new TreeSet<>(EVENTS) + ")");
            }
        }
    }

    static Faults of(SandboxConfig.FaultDefaults config) {
        return new Faults(config.errorRate(), config.throttleRate(), config.retryAfter().toSeconds(),
                config.latency().toMillis(), config.duplicateRate(), config.reorderRate(), config.dropRate(),
                config.stepDelay().toMillis(), config.dropEvents().orElse(List.of()));
    }

    boolean drops(String event) {
        return dropEvents.contains(event);
    }

    /** These knobs with the fields the patch names changed; unknown fields are refused so typos do not pass. */
    Faults patch(JsonNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (!KNOBS.contains(field.getKey())) {
                throw new IllegalArgumentException("unknown fault knob: " + field.getKey() + " (knobs: " + KNOBS + ")");
            }
            if (field.getKey().equals("dropEvents")) {
                if (!field.getValue().isArray()) {
                    throw new IllegalArgumentException("dropEvents must be an array of event names");
                }
            } else if (!field.getValue().isNumber()) {
                throw new IllegalArgumentException(field.getKey() + " must be a number");
            }
        }
        return new Faults(
                patch.path("errorRate").asDouble(errorRate),
                patch.path("throttleRate").asDouble(throttleRate),
                patch.path("retryAfterSeconds").asLong(retryAfterSeconds),
                patch.path("latencyMs").asLong(latencyMs),
                patch.path("duplicateRate").asDouble(duplicateRate),
                patch.path("reorderRate").asDouble(reorderRate),
                patch.path("dropRate").asDouble(dropRate),
                patch.path("stepDelayMs").asLong(stepDelayMs),
                patch.has("dropEvents") ? events(patch.get("dropEvents")) : dropEvents);
    }

    private static List<String> events(JsonNode array) {
        List<String> events = new ArrayList<>();
        for (JsonNode event : array) {
            if (!event.isTextual()) {
                throw new IllegalArgumentException("dropEvents must be an array of event names");
            }
            events.add(event.asText());
        }
        return events;
    }

    private static void rate(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
        }
    }

    private static void bounded(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be between 0 and " + max + ": " + value);
        }
    }
}
