package org.partnerhub.onboarding.state.console;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.partnerhub.onboarding.runtime.hubs.HubsConfig;
import org.partnerhub.onboarding.runtime.metrics.CountGauges;
import org.partnerhub.onboarding.state.store.ConsoleReads;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The gauge {@code onboarding_channels_stuck{hub, waiting}}: how many channels the console's stuck list
 * ({@code GET /console/api/stuck}, {@code onboarding.console.stuck-after}) holds per hub and step, counted every
 * {@code onboarding.console.stuck-count-interval} with one grouped count in the database (no rows loaded).
 *
 * <p>Every replica counts on its own and reports the same number, read from the one database: nothing to coordinate,
 * and alerts and dashboards take the {@code max} over replicas, never the {@code sum}.
 */
@ApplicationScoped
public class StuckChannelsGauge {

    private final ConsoleReads reads;
    private final ConsoleConfig config;
    private final CountGauges gauges;

    @Inject
    StuckChannelsGauge(ConsoleReads reads, ConsoleConfig config, HubsConfig hubs, MeterRegistry registry) {
        this.reads = reads;
        this.config = config;
        this.gauges = new CountGauges(registry, "onboarding.channels.stuck",
                "Channels without progress for longer than onboarding.console.stuck-after, per hub and the step they "
                        + "wait for; the same on every replica",
                hubs.hubs().keySet().stream().flatMap(hub -> Arrays.stream(Waiting.Kind.values())
                        .map(kind -> tags(new StuckCount.HubWaiting(hub, kind)))).toList());
    }

    @Scheduled(every = "${onboarding.console.stuck-count-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> count() {
        return gauges.refresh(reads.quietCounts(Instant.now().minus(config.stuckAfter()))
                .map(groups -> StuckCount.of(groups).entrySet().stream()
                        .collect(Collectors.toMap(entry -> tags(entry.getKey()), Map.Entry::getValue))));
    }

    private static Tags tags(StuckCount.HubWaiting count) {
        return Tags.of("hub", count.hubId(), "waiting", count.waiting().tag());
    }
}
