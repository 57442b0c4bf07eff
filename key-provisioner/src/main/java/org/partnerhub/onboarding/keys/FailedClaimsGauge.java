package org.partnerhub.onboarding.keys;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.partnerhub.onboarding.keys.store.ClaimLedger;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;
import org.partnerhub.onboarding.runtime.metrics.CountGauges;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The gauge {@code keys_claims_failed{hub}}: the FAILED claims, each a channel without its key until an operator
 * retries it ({@code POST /channels/{id}/api-key/retry}), counted every {@code onboarding.keys.failed-count-interval}
 * with one grouped count in the database.
 *
 * <p>Every replica counts on its own and reports the same number, read from the one database: nothing to coordinate,
 * and alerts and dashboards take the {@code max} over replicas, never the {@code sum}.
 */
@ApplicationScoped
public class FailedClaimsGauge {

    private final ClaimLedger ledger;
    private final CountGauges gauges;

    @Inject
    FailedClaimsGauge(ClaimLedger ledger, HubsConfig hubs, MeterRegistry registry) {
        this.ledger = ledger;
        this.gauges = new CountGauges(registry, "keys.claims.failed",
                "FAILED key claims per hub, each waiting for an operator's retry; the same on every replica",
                hubs.hubs().keySet().stream().map(FailedClaimsGauge::tags).toList());
    }

    @Scheduled(every = "${onboarding.keys.failed-count-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> count() {
        return gauges.refresh(ledger.failedPerHub().map(failed -> failed.entrySet().stream()
                .collect(Collectors.toMap(entry -> tags(entry.getKey()), Map.Entry::getValue))));
    }

    private static Tags tags(String hubId) {
        return Tags.of("hub", hubId);
    }
}
