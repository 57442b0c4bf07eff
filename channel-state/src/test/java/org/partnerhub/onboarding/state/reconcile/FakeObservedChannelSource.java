package org.partnerhub.onboarding.state.reconcile;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.partnerhub.onboarding.events.hub.HubChannel;

/** Stands in for the Partner API: answers with whatever a test put in. */
@Singleton
public class FakeObservedChannelSource implements ObservedChannelSource {

    private final Map<String, HubChannel> channels = new ConcurrentHashMap<>();

    public void put(HubChannel channel) {
        channels.put(channel.id(), channel);
    }

    @Override
    public Optional<HubChannel> channel(String hubId, String channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }
}
