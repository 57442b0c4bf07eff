package org.partnerhub.onboarding.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;

/**
 * Walks each new channel through {@link Stage}: every step moves the channel in the store first (so the Partner API
 * already tells what the webhook says) and then posts the step's webhook; the next step follows after the
 * {@code stepDelayMs} knob in force at that moment.
 */
@ApplicationScoped
public class ChannelLifecycle {

    @Inject
    SandboxStore store;

    @Inject
    WebhookDispatcher webhooks;

    @Inject
    FaultKnobs knobs;

    @Inject
    Vertx vertx;

    /** Announces the new channel ({@code channel_created}) and schedules the rest. */
    void start(Channel created) {
        announce(created);
    }

    /** {@code client_created}, when a client finished sign-up. */
    void clientCreated(Client client) {
        webhooks.publish(client.partnerId(), client.id(), "client_created", HubJson.client(client), true);
    }

    private void step(String channelId, Stage stage) {
        store.advance(channelId, stage).ifPresent(this::announce);
    }

    private void announce(Channel channel) {
        store.client(channel.clientId()).ifPresent(client -> webhooks.publish(channel.partnerId(), channel.id(),
                channel.stage().event(), HubJson.channel(channel, client), channel.stage().isLast()));
        if (!channel.stage().isLast()) {
            Stage next = channel.stage().next();
            vertx.setTimer(Math.max(1, knobs.current().stepDelayMs()), timer -> step(channel.id(), next));
        }
    }
}
