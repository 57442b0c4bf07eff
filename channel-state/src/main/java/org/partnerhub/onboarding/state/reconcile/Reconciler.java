package org.partnerhub.onboarding.state.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.state.ingest.BatchApplier;
import org.partnerhub.onboarding.state.ingest.FactTranslator;
import org.partnerhub.onboarding.state.ingest.IncomingRecord;
import org.partnerhub.onboarding.state.store.StuckChannels;

import io.quarkus.scheduler.Scheduled;

/**
 * So that a missed webhook cannot leave a channel stuck forever: channels not yet running or live whose last fact is
 * older than {@code stale-after} are looked up at 360dialog, and so are channels known only from pending permission
 * facts that old. What 360dialog says is folded as a fact with source {@code reconcile}, under the same rules as a
 * webhook, and may release the pending facts. Only the replica that leads ({@link ReconcileLeader}) runs it.
 */
@Singleton
public class Reconciler {

    public static final String SOURCE = "reconcile";

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    @Inject
    ReconcileConfig config;

    @Inject
    StuckChannels stuckChannels;

    @Inject
    BatchApplier applier;

    @Inject
    ObservedChannelSource source;

    @Inject
    ReconcileLeader leader;

    @Scheduled(every = "${onboarding.reconcile.interval:10M}", delayed = "${onboarding.reconcile.interval:10M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled() || !leader.lead()) {
            return;
        }
        int folded = reconcileOnce();
        LOG.infof("Reconciled %d stuck channel(s)", folded);
    }

    /** One run; returns how many channels 360dialog answered for. */
    public int reconcileOnce() {
        Instant now = Instant.now();
        Set<String> hubs = source.answeringHubs();
        if (hubs.isEmpty()) {
            return 0;
        }
        // Only answering hubs' channels, so that channels nobody can ask about do not use up the run's calls.
        List<StuckChannels.StuckChannel> stuck = stuckChannels.before(now.minus(config.staleAfter()), hubs, config.maxPerRun())
                .await().indefinitely();
        List<IncomingRecord> observations = new ArrayList<>();
        for (StuckChannels.StuckChannel channel : stuck) {
            observe(channel, now).ifPresent(observed -> observations.add(
                    new IncomingRecord.Facts(FactTranslator.reconciled(
                            EventIds.of(SOURCE, channel.hubId(), channel.channelId(), now.toString()),
                            channel.hubId(), observed, SOURCE, now))));
        }
        applier.apply(observations).await().indefinitely();
        return observations.size();
    }

    private Optional<HubChannel> observe(StuckChannels.StuckChannel channel, Instant now) {
        try {
            return source.channel(channel.hubId(), channel.channelId())
                    .filter(observed -> channel.channelId().equals(observed.id()));
        } catch (RuntimeException unavailable) {
            LOG.warnf("Partner API did not answer for channel %s at %s: %s", channel.channelId(), now,
                    unavailable.getMessage());
            return Optional.empty();
        }
    }
}
