package org.partnerhub.onboarding.keys;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionRevoked;
import org.partnerhub.onboarding.events.lifecycle.ChannelRunning;
import org.partnerhub.onboarding.events.lifecycle.ChannelTransition;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ApiKeyStatus;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.events.state.PermissionStatus;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;

/** Publishes channel-state's events the way channel-state does: CloudEvents headers, channel id as the key. */
final class ChannelEventsProducer implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;

    ChannelEventsProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    static ChannelRunning running(String channelId, ChannelStage stage, long version) {
        return new ChannelRunning("main", channelId, version, Instant.now(),
                snapshot(channelId, stage, PermissionState.GRANTED, version));
    }

    static ChannelPermissionRevoked revoked(String channelId, long version) {
        return new ChannelPermissionRevoked("main", channelId, version, Instant.now(),
                snapshot(channelId, ChannelStage.RUNNING, PermissionState.REVOKED, version));
    }

    /** Sends to partition 0, so that events of different channels keep their order. */
    void send(ChannelTransition event) {
        producer.send(new ProducerRecord<>("channel.events", 0, event.key(), codec.encode(event),
                CloudEventHeaders.asKafkaHeaders(event, "/channel-state")));
    }

    /** As channel-state sends what a traced fold published: with the fold's context. */
    void send(ChannelTransition event, TraceParent fold) {
        producer.send(new ProducerRecord<>("channel.events", 0, event.key(), codec.encode(event),
                fold.addTo(CloudEventHeaders.asKafkaHeaders(event, "/channel-state"))));
    }

    /** Publishes the channel's snapshot on {@code channel.state}, as channel-state does after every change. */
    void sendSnapshot(String channelId, long version) {
        sendSnapshot(snapshot(channelId, ChannelStage.RUNNING, PermissionState.GRANTED, version));
    }

    /** A permitted channel's snapshot with 360dialog's {@code status} mapped onto {@code stage}. */
    void sendSnapshot(String channelId, ChannelStage stage, String status, long version) {
        ChannelSnapshot running = snapshot(channelId, stage, PermissionState.GRANTED, version);
        sendSnapshot(new ChannelSnapshot(channelId, running.hubId(), running.clientId(), running.tenant(),
                running.phoneNumber(), status, stage, running.accountMode(), running.permission(), running.apiKey(),
                version, running.createdAt(), running.updatedAt(), running.lastFactAt()));
    }

    private void sendSnapshot(ChannelSnapshot snapshot) {
        producer.send(new ProducerRecord<>("channel.state", null, snapshot.key(), codec.encode(snapshot),
                CloudEventHeaders.asKafkaHeaders(snapshot, "/channel-state")));
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    private static ChannelSnapshot snapshot(String channelId, ChannelStage stage, PermissionState permission,
            long version) {
        Instant now = Instant.now();
        return new ChannelSnapshot(channelId, "main", "client-1", "tenant-1", "+4900000000", stage.name().toLowerCase(),
                stage, "live", new PermissionStatus(permission, "partner-payment"),
                new ApiKeyStatus(ApiKeyState.NONE, null), version, now, now, now);
    }
}
