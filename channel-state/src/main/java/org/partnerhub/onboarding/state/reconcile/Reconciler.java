package org.partnerhub.onboarding.state.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

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
 * webhook, and may release the pending facts.
 *
 * <p>On a slower cadence ({@code live-interval}) it reads running and live channels again, {@code max-per-run} a run,
 * each run going on after the last channel id the one before read (from the start once it reached the end), and folds
 * a read through the same path only where it differs from the projection ({@link ObservedDifference}): a missed
 * status change (a restriction, a cancellation) is recovered that way. A missed grant is recovered by the
 * {@link PermissionPoller}, which asks which numbers the client shares.
 *
 * <p>Only the replica that leads ({@link ReconcileLeader}, a PostgreSQL advisory lock) runs either; the cursor of the
 * slow re-read is that replica's, so a new leader starts over from the first channel.
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

    @Inject
    ReconcileReads reads;

    /** The last channel id the slow re-read reached; empty: from the start. */
    private final AtomicReference<String> liveCursor = new AtomicReference<>("");

    @Scheduled(every = "${onboarding.reconcile.interval:10M}", delayed = "${onboarding.reconcile.interval:10M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled() || !leader.lead()) {
            return;
        }
        int folded = reconcileOnce();
        LOG.infof("Reconciled %d stuck channel(s)", folded);
    }

    @Scheduled(every = "${onboarding.reconcile.live-interval:1H}", delayed = "${onboarding.reconcile.live-interval:1H}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledLive() {
        if (!config.enabled() || !leader.lead()) {
            return;
        }
        int folded = rereadLiveOnce();
        LOG.infof("Re-read running and live channels: %d differed from the projection and were folded", folded);
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
            observe(channel.hubId(), channel.channelId(), now).ifPresent(observed -> observations.add(
                    reconciled(channel.hubId(), channel.channelId(), observed, now)));
        }
        applier.apply(observations).await().indefinitely();
        return observations.size();
    }

    /** One slow run over running and live channels; returns how many differed from the projection and were folded. */
    public int rereadLiveOnce() {
        Instant now = Instant.now();
        Set<String> hubs = source.answeringHubs();
        if (hubs.isEmpty()) {
            return 0;
        }
        List<ObservedDifference.ProjectedChannel> channels = reads.usableChannels(hubs, liveCursor.get(),
                config.maxPerRun()).await().indefinitely();
        liveCursor.set(channels.size() < config.maxPerRun() ? "" : channels.getLast().channelId());
        List<IncomingRecord> observations = new ArrayList<>();
        for (ObservedDifference.ProjectedChannel channel : channels) {
            observe(channel.hubId(), channel.channelId(), now)
                    .filter(observed -> ObservedDifference.differs(channel, observed))
                    .ifPresent(observed -> observations.add(reconciled(channel.hubId(), channel.channelId(),
                            observed, now)));
        }
        applier.apply(observations).await().indefinitely();
        return observations.size();
    }

    private static IncomingRecord reconciled(String hubId, String channelId, HubChannel observed, Instant now) {
        return new IncomingRecord.Facts(FactTranslator.reconciled(EventIds.of(SOURCE, hubId, channelId,
                now.toString()), hubId, observed, SOURCE, now));
    }

    private Optional<HubChannel> observe(String hubId, String channelId, Instant now) {
        try {
            return source.channel(hubId, channelId).filter(observed -> channelId.equals(observed.id()));
        } catch (RuntimeException unavailable) {
            LOG.warnf("Partner API did not answer for channel %s at %s: %s", channelId, now,
                    unavailable.getMessage());
            return Optional.empty();
        }
    }
}
