package org.partnerhub.onboarding.events.lifecycle;

import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.Topic;

/** Transitions the projection published (topic {@code channel.events}), for services that react to a change. */
public sealed interface ChannelLifecycleEvent extends Event permits ChannelTransition, ClientCreated {

    @Override
    default Topic topic() {
        return Topic.CHANNEL_EVENTS;
    }
}
