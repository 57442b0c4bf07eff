package org.partnerhub.onboarding.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The intake's meters: {@code webhooks_received_total}, {@code webhooks_accepted_total},
 * {@code webhooks_duplicates_total}, {@code webhooks_rejected_total{reason}} (tagged {@code hub}) and
 * {@code webhooks_publish_seconds{outcome}}. Meters are looked up once and cached, off the hot path.
 */
@Singleton
class IngestMetrics {

    /** The hub tag of a request for a hub that is not configured: arbitrary path values must not become tags. */
    static final String UNKNOWN_HUB = "unknown";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer acked;
    private final Timer failed;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.acked = publishTimer(registry, "acked");
        this.failed = publishTimer(registry, "failed");
    }

    void received(String hub) {
        counter("webhooks.received", hub, null).increment();
    }

    void accepted(String hub) {
        counter("webhooks.accepted", hub, null).increment();
    }

    void duplicate(String hub) {
        counter("webhooks.duplicates", hub, null).increment();
    }

    void rejected(String hub, Rejection rejection) {
        counter("webhooks.rejected", hub, rejection.tag()).increment();
    }

    void publishTook(long nanos, boolean succeeded) {
        (succeeded ? acked : failed).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Counter counter(String name, String hub, String reason) {
        return counters.computeIfAbsent(name + '|' + hub + '|' + reason, key -> {
            Counter.Builder builder = Counter.builder(name).tag("hub", hub);
            return (reason == null ? builder : builder.tag("reason", reason)).register(registry);
        });
    }

    private static Timer publishTimer(MeterRegistry registry, String outcome) {
        return Timer.builder("webhooks.publish")
                .description("From handing a record to the producer to the broker's acknowledgement or the failure")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }
}
