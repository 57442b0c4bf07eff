package org.partnerhub.onboarding.keys.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.partnerhub.onboarding.events.CloudEventMetadata;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventType;
import org.partnerhub.onboarding.events.UnknownEventTypeException;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionGranted;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionRevoked;
import org.partnerhub.onboarding.events.lifecycle.ChannelRunning;
import org.partnerhub.onboarding.events.lifecycle.ChannelTransition;
import org.partnerhub.onboarding.keys.KeyRevocation;
import org.partnerhub.onboarding.keys.Progress;
import org.partnerhub.onboarding.keys.ProvisioningWorker;
import org.partnerhub.onboarding.keys.store.ClaimLedger;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;
import org.partnerhub.onboarding.runtime.tracing.TracedSpan;
import org.partnerhub.onboarding.runtime.tracing.Tracing;

import io.opentelemetry.api.trace.SpanKind;
import io.smallrye.mutiny.Uni;

/**
 * Reads {@code channel.events}: running or permission-granted may take a claim, permission-revoked withdraws the key.
 * Only a record that cannot be decoded goes to {@code channel.events.dlq}; a failure while acting on one (PostgreSQL
 * or Kafka unavailable) is retried until it succeeds ({@link Persistently}). Types this service does not act on are
 * skipped.
 */
@ApplicationScoped
public class ChannelEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ChannelEventsConsumer.class);

    @Inject
    ClaimLedger ledger;

    @Inject
    KeyRevocation revocation;

    @Inject
    ProvisioningWorker worker;

    @Inject
    Progress progress;

    @Inject
    Tracing tracing;

    @Incoming("channel-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        CloudEventMetadata metadata = CloudEventMetadata.from(record.headers());
        if (!acted(metadata.type())) {
            return Uni.createFrom().voidItem();
        }
        // Thrown here, a decoding failure fails the message and the failure strategy dead-letters it.
        Event event = Decoding.CODEC.decode(metadata, record.value());
        Optional<TraceParent> cause = TraceParent.from(record.headers());
        return Persistently.handle("channel.events", progress, () -> switch (event) {
            case ChannelRunning running -> claim(running, cause);
            case ChannelPermissionGranted granted -> claim(granted, cause);
            case ChannelPermissionRevoked revoked -> revocation.revoke(revoked);
            default -> Uni.createFrom().voidItem();
        });
    }

    private static boolean acted(String ceType) {
        try {
            EventType type = EventType.of(ceType);
            return type == EventType.CHANNEL_RUNNING || type == EventType.CHANNEL_PERMISSION_GRANTED
                    || type == EventType.CHANNEL_PERMISSION_REVOKED;
        } catch (UnknownEventTypeException newerType) {
            return false;
        }
    }

    /**
     * A new claim is worked on at once rather than at the next poll; the poll picks up whatever this misses. The
     * record does not wait for the lease: the claim is committed, the worker leases it (with others claimed
     * meanwhile) while the next records are read. The claim continues the trace of the fold that published the
     * event; its row keeps the claim's own context for the attempts.
     */
    private Uni<Void> claim(ChannelTransition event, Optional<TraceParent> cause) {
        TracedSpan span = tracing.start("claim key", SpanKind.CONSUMER, cause)
                .attribute("onboarding.channel", event.channelId()).attribute("onboarding.hub", event.hubId());
        return ledger.claim(event, Optional.of(span.traceParent())).invoke(claimed -> {
            span.attribute("onboarding.claimed", Boolean.toString(claimed)).end();
            if (claimed) {
                try (TracedSpan.Activation ignored = span.activate()) {
                    LOG.infof("Claimed the key of channel %s on %s", event.channelId(), event.type());
                }
                worker.wake();
            }
        }).onFailure().invoke(span::fail).replaceWithVoid();
    }
}
