package org.partnerhub.onboarding.sandbox;

import java.util.Map;

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

    /**
     * The webhook of a {@link StandingChange}, with the channel as it is afterwards; a restriction also names the
     * number and the violation, as Meta's enforcement webhooks do.
     */
    void changed(Channel channel, StandingChange change, String violationType) {
        store.client(channel.clientId()).ifPresent(client -> {
            Map<String, Object> data = HubJson.channel(channel, client);
            if (change == StandingChange.RESTRICT) {
                data.put("phone_number", channel.phoneNumber());
                data.put("violation_type", violationType);
            }
            webhooks.publish(channel.partnerId(), channel.id(), change.event(), data, true);
        });
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
