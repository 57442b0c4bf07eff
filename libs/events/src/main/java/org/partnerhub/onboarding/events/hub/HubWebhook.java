package org.partnerhub.onboarding.events.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.Topic;

/**
 * A typed read-view of one 360dialog partner webhook (topic {@code hub.webhooks}). The record value on the topic is
 * the body exactly as 360dialog sent it and the hub id travels in a header, so these are never serialised
 * themselves: {@link HubWebhooks#parse} builds them from the raw body, and {@link #rawBody()} is the value.
 *
 * <p>Identified by the envelope's {@code id}, or, where 360dialog sent none, by the SHA-256 of hub id and raw body.
 */
public sealed interface HubWebhook extends Event
        permits HubWebhook.ChannelWebhook, HubWebhook.ClientCreated, HubWebhook.AccountEnforcement,
                HubWebhook.CancellationRequest, HubWebhook.CancellationRevoke, HubWebhook.CancellationProcessed,
                HubWebhook.TemplateMessagingEnabled, HubWebhook.TemplateMessagingDisabled, UnknownHubWebhook {

    String TYPE_PREFIX = "com.360dialog.partner.";

    /** 360dialog's event name, e.g. {@code channel_running}. */
    String event();

    /** When the partner received the webhook; absent when parsed from the body alone. */
    Instant receivedAt();

    /** The envelope's {@code data}, untouched. */
    JsonNode data();

    /** The body as received; the record value on {@code hub.webhooks}. */
    String rawBody();

    @Override
    default Topic topic() {
        return Topic.HUB_WEBHOOKS;
    }

    @Override
    default String type() {
        return TYPE_PREFIX + event();
    }

    /** The body carries no time of its own; the receive time is the best there is. */
    @Override
    default Instant occurredAt() {
        return receivedAt();
    }

    /** The channel id for a channel object (it has a {@code client_id}), the client id for a client object. */
    @Override
    default String subject() {
        if (this instanceof ClientCreated created) {
            return created.client().id();
        }
        return JsonFields.text(data(), "client_id") != null ? JsonFields.text(data(), "id") : null;
    }

    /** The subject where there is one, else the event id, so unattributable webhooks still spread over partitions. */
    @Override
    default String key() {
        String subject = subject();
        return subject != null ? subject : id();
    }

    /** A webhook whose {@code data} is a channel object. */
    sealed interface ChannelWebhook extends HubWebhook {
        default HubChannel channel() {
            return HubChannel.from(data());
        }
    }

    /** Meta's enforcement on the WhatsApp account behind a channel. */
    sealed interface AccountEnforcement extends HubWebhook {
        default String phoneNumber() {
            return JsonFields.text(data(), "phone_number");
        }

        default String violationType() {
            return JsonFields.text(data(), "violation_type");
        }
    }

    record ClientCreated(String hubId, String id, Instant receivedAt, JsonNode data, String rawBody)
            implements HubWebhook {
        @Override
        public String event() {
            return "client_created";
        }

        /** The client, whether {@code data} is the client object or wraps it in {@code client}. */
        public PartnerClient client() {
            return PartnerClient.from(data);
        }
    }

    record ChannelCreated(String hubId, String id, Instant receivedAt, JsonNode data, String rawBody)
            implements ChannelWebhook {
        @Override
        public String event() {
            return "channel_created";
        }
    }

    record ChannelSubmitted(String hubId, String id, Instant receivedAt, JsonNode data, String rawBody)
            implements ChannelWebhook {
        @Override
        public String event() {
            return "channel_submitted";
        }
    }

    record ChannelReady(String hubId, String id, Instant receivedAt, JsonNode data, String rawBody)
            implements ChannelWebhook {
        @Override
        public String event() {
            return "channel_ready";
        }
    }

    record ChannelRunning(String hubId, String id, Instant receivedAt, JsonNode data, String rawBody)
            implements ChannelWebhook {
        @Override
        public String event() {
            return "channel_running";
        }
    }

    record ChannelLive(String hubId, String id, Instant receivedAt, JsonNode data, String rawBody)
            implements ChannelWebhook {
        @Override
        public String event() {
            return "channel_live";
        }
    }

    record ChannelPermissionGranted(String hubId, String id, Instant receivedAt, JsonNode data, String rawBody)
            implements ChannelWebhook {
        @Override
        public String event() {
            return "channel_permission_granted";
        }
    }

    record AccountViolation(String hubId, String id, Instant receivedAt, JsonNode data, String rawBody)
            implements AccountEnforcement {
        @Override
        public String event() {
            return "account_violation";
        }
    }

    record AccountRestriction(String hubId, String id, Instant receivedAt, JsonNode data, String rawBody)
            implements AccountEnforcement {
        @Override
        public String event() {
            return "account_restriction";
        }
    }

    record CancellationRequest(String hubId, String id, Instant receivedAt, JsonNode data, String rawBody)
            implements HubWebhook {
        @Override
        public String event() {
            return "cancellation_request";
        }
    }

    record CancellationRevoke(String hubId, String id, Instant receivedAt, JsonNode data, String rawBody)
            implements HubWebhook {
        @Override
        public String event() {
            return "cancellation_revoke";
        }
    }

    record CancellationProcessed(String hubId, String id, Instant receivedAt, JsonNode data, String rawBody)
            implements HubWebhook {
        @Override
        public String event() {
            return "cancellation_processed";
        }
    }

    record TemplateMessagingEnabled(String hubId, String id, Instant receivedAt, JsonNode data, String rawBody)
            implements HubWebhook {
        @Override
        public String event() {
            return "template_messaging_enabled";
        }
    }

    record TemplateMessagingDisabled(String hubId, String id, Instant receivedAt, JsonNode data, String rawBody)
            implements HubWebhook {
        @Override
        public String event() {
            return "template_messaging_disabled";
        }
    }
}
