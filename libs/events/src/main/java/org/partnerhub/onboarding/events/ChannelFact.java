package org.partnerhub.onboarding.events;

/**
 * A fact about one channel. It is keyed by the channel id, so every fact about a channel lands in one partition
 * and keeps its order within a topic; the channel is also the CloudEvents subject.
 */
public interface ChannelFact extends Event {

    String channelId();

    @Override
    default String key() {
        return channelId();
    }

    @Override
    default String subject() {
        return channelId();
    }
}
