package org.partnerhub.onboarding.keys.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.partnerhub.onboarding.events.CloudEventMetadata;
import org.partnerhub.onboarding.events.EventType;
import org.partnerhub.onboarding.events.UnknownEventTypeException;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.keys.KeyRevocation;
import org.partnerhub.onboarding.keys.Progress;
import org.partnerhub.onboarding.keys.domain.ProvisioningDecision;
import org.partnerhub.onboarding.keys.store.ChannelViews;

import io.smallrye.mutiny.Uni;

/**
 * Keeps the latest snapshot of each channel from the compacted {@code channel.state}: the sweep's independent source
 * for channels whose trigger on {@code channel.events} never arrived. A snapshot saying the channel was cancelled or
 * terminated withdraws its key ({@link KeyRevocation#channelEnded}); a restricted channel keeps it. The withdrawal is
 * repeated when the same snapshot comes again (it is idempotent), never for one older than the kept one. Undecodable records go to
 * {@code channel.state.dlq}; failures to store are retried like those of {@link ChannelEventsConsumer}.
 */
@ApplicationScoped
public class ChannelStateConsumer {

    @Inject
    ChannelViews views;

    @Inject
    KeyRevocation revocation;

    @Inject
    Progress progress;

    @Incoming("channel-state")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            // A compaction tombstone: nothing to remember.
            return Uni.createFrom().voidItem();
        }
        CloudEventMetadata metadata = CloudEventMetadata.from(record.headers());
        if (!snapshot(metadata.type())) {
            return Uni.createFrom().voidItem();
        }
        ChannelSnapshot snapshot = (ChannelSnapshot) Decoding.CODEC.decode(metadata, record.value());
        return Persistently.handle("channel.state", progress, () -> views.remember(snapshot).chain(latest -> {
            if (latest && ProvisioningDecision.decide(snapshot, snapshot.version(), Optional.empty())
                    instanceof ProvisioningDecision.Withdraw withdraw) {
                return revocation.channelEnded(snapshot, withdraw.reason());
            }
            return Uni.createFrom().voidItem();
        }));
    }

    private static boolean snapshot(String ceType) {
        try {
            return EventType.of(ceType) == EventType.CHANNEL_STATE;
        } catch (UnknownEventTypeException newerType) {
            return false;
        }
    }
}
