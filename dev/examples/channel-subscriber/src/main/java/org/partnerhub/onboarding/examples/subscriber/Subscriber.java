package org.partnerhub.onboarding.examples.subscriber;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.partnerhub.onboarding.events.CloudEventMetadata;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.EventDecodingException;
import org.partnerhub.onboarding.events.UnknownEventTypeException;
import org.partnerhub.onboarding.events.apikey.ApiKeyEvent;
import org.partnerhub.onboarding.events.lifecycle.ChannelTransition;
import org.partnerhub.onboarding.examples.subscriber.PartnerChannels.Decision;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * The partner service: reads {@code channel.events} and {@code channel.api-keys}, skips repeated {@code ce_id}s and
 * types it does not know, and when a channel is live with its key fetches the key and says what it would do with it.
 * <p>
 * Everything is in memory, so the service commits no offsets and reads both topics from the beginning at every
 * start (the topics keep their events forever): it learns again which channels are live and fetches their keys
 * again, as a service holding keys in memory must. Both topics' consumer threads go through one lock: each
 * channel's state is changed by one event at a time.
 */
@ApplicationScoped
public class Subscriber {

    private static final Logger LOG = Logger.getLogger(Subscriber.class);

    private final EventCodec codec = new EventCodec();
    private final PartnerChannels channels = new PartnerChannels();
    private final SeenEvents seen;
    private final KeyHandoutClient handout;
    private long repeatsSkipped;

    Subscriber(@ConfigProperty(name = "example.dedup.capacity") int dedupCapacity, KeyHandoutClient handout) {
        this.seen = new SeenEvents(dedupCapacity);
        this.handout = handout;
    }

    @Incoming("channel-events")
    @Blocking
    public void channelEvents(ConsumerRecord<String, byte[]> record) {
        handle(record);
    }

    @Incoming("channel-api-keys")
    @Blocking
    public void apiKeys(ConsumerRecord<String, byte[]> record) {
        handle(record);
    }

    synchronized Optional<PartnerChannels.View> channel(String channelId) {
        return channels.view(channelId);
    }

    synchronized List<PartnerChannels.View> channels() {
        return channels.views();
    }

    synchronized long repeatsSkipped() {
        return repeatsSkipped;
    }

    private synchronized void handle(ConsumerRecord<String, byte[]> record) {
        Event event;
        try {
            CloudEventMetadata metadata = CloudEventMetadata.from(record.headers());
            if (!seen.firstTime(metadata.id())) {
                repeatsSkipped++;
                LOG.debugf("Skipped %s %s: already handled", metadata.type(), metadata.id());
                return;
            }
            event = codec.decode(metadata, record.value());
        } catch (UnknownEventTypeException newer) {
            // A type added after this service was built: not for it.
            LOG.debugf("Skipped an event of type %s, unknown to this version", newer.ceType());
            return;
        } catch (EventDecodingException broken) {
            // The project's services dead-letter such a record (<topic>.dlq); an example only says so.
            LOG.warnf("Skipped an undecodable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), broken.getMessage());
            return;
        }
        Decision decision = switch (event) {
            case ChannelTransition transition -> channels.onTransition(transition);
            case ApiKeyEvent apiKey -> channels.onApiKey(apiKey);
            default -> new Decision.Nothing();
        };
        act(decision);
    }

    private void act(Decision decision) {
        switch (decision) {
            case Decision.FetchKey fetch -> fetchKey(fetch);
            case Decision.StopUsingKey stop -> LOG.infof("Channel %s: %s. A partner service would now stop sending "
                    + "through it and delete the key from its secret store.", stop.channelId(), stop.why());
            case Decision.Nothing nothing -> {
            }
        }
    }

    private void fetchKey(Decision.FetchKey fetch) {
        String channelId = fetch.channelId();
        Handout answer = handout.fetch(channelId);
        channels.fetched(fetch, answer);
        PartnerChannels.View channel = channels.view(channelId).orElseThrow();
        switch (answer) {
            // The key goes no further than this method: not into a log, not into the status endpoint.
            case Handout.Key key -> LOG.infof("Channel %s (hub %s, tenant %s) is live with its key: a partner "
                    + "service would now store the key in its secret store and start sending WhatsApp messages "
                    + "for the tenant through %s (key id %s).", channelId, channel.hubId(), channel.tenant(),
                    key.address(), fetch.keyId());
            case Handout.NoKey none -> LOG.infof("Channel %s is live but the hand-out has no key for us: %s",
                    channelId, none.reason());
            case Handout.Withdrawn withdrawn -> LOG.infof("Channel %s's key was withdrawn before we fetched it: %s",
                    channelId, withdrawn.reason());
            case Handout.Failed failed -> LOG.warnf("Channel %s is live with its key, but fetching it failed: %s",
                    channelId, failed.reason());
        }
    }
}
