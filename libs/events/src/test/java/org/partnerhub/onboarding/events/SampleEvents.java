package org.partnerhub.onboarding.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.partnerhub.onboarding.events.apikey.ApiKeyFailed;
import org.partnerhub.onboarding.events.apikey.ApiKeyProvisioned;
import org.partnerhub.onboarding.events.apikey.ApiKeyRevoked;
import org.partnerhub.onboarding.events.hub.HubWebhook;
import org.partnerhub.onboarding.events.hub.HubWebhooks;
import org.partnerhub.onboarding.events.lifecycle.ChannelCancellationRequested;
import org.partnerhub.onboarding.events.lifecycle.ChannelCancelled;
import org.partnerhub.onboarding.events.lifecycle.ChannelCreated;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionGranted;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionRevoked;
import org.partnerhub.onboarding.events.lifecycle.ChannelRestored;
import org.partnerhub.onboarding.events.lifecycle.ChannelRestricted;
import org.partnerhub.onboarding.events.lifecycle.ChannelRunning;
import org.partnerhub.onboarding.events.lifecycle.ChannelStatusChanged;
import org.partnerhub.onboarding.events.lifecycle.ClientCreated;
import org.partnerhub.onboarding.events.messagingwebhook.MessagingWebhookFailed;
import org.partnerhub.onboarding.events.messagingwebhook.MessagingWebhookSet;
import org.partnerhub.onboarding.events.permission.ClientLinked;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.PermissionRevoked;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ApiKeyStatus;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.events.state.PermissionStatus;

/** One fully populated event of every type. */
final class SampleEvents {

    static final String HUB = "hub-direct";
    static final String CLIENT = "oaY9LLfUCL";
    static final String CHANNEL = "y9MiLoCH";
    static final Instant AT = Instant.parse("2026-11-20T09:14:03Z");

    private SampleEvents() {
    }

    static List<Event> all() {
        List<Event> events = new ArrayList<>(List.of(
                new ClientLinked(HUB, CLIENT, "tenant-42", AT, "nonce-1"),
                new PermissionGranted(HUB, CLIENT, CHANNEL, "tenant-42", "redirect", AT, "nonce-1", Verification.CONFIRMED),
                new PermissionRevoked(HUB, CLIENT, CHANNEL, "tenant-42", "redirect", AT, "nonce-2", Verification.CONFIRMED),
                snapshot(7),
                new ChannelCreated(HUB, CHANNEL, 1, AT, snapshot(1)),
                new ChannelStatusChanged(
                        HUB, CHANNEL, "ready", "running", ChannelStage.READY, ChannelStage.RUNNING, 7, AT, snapshot(7)),
                new ChannelRunning(HUB, CHANNEL, 7, AT, snapshot(7)),
                new ChannelPermissionGranted(HUB, CHANNEL, 8, AT, snapshot(8)),
                new ChannelPermissionRevoked(HUB, CHANNEL, 9, AT, snapshot(9)),
                new ChannelRestricted(HUB, CHANNEL, 10, AT, snapshot(10)),
                new ChannelRestored(HUB, CHANNEL, 11, AT, snapshot(11)),
                new ChannelCancellationRequested(HUB, CHANNEL, 12, AT, snapshot(12)),
                new ChannelCancelled(HUB, CHANNEL, 13, AT, snapshot(13)),
                new ClientCreated(HUB, CLIENT, "tenant-42", "Acme Bakery GmbH", AT),
                new ApiKeyProvisioned(
                        HUB, CHANNEL, CLIENT, "201126", "https://waba-v2.360dialog.io", "104148", "claim-1", AT),
                new ApiKeyRevoked(HUB, CHANNEL, "201126", "permission revoked", true, AT),
                new ApiKeyFailed(HUB, CHANNEL, "http 403: no permission", true, 3, AT, "claim-1"),
                new MessagingWebhookSet(HUB, CHANNEL, "201126", "https://partner.example/wa/" + CHANNEL, 1, AT),
                new MessagingWebhookFailed(HUB, CHANNEL, "201126", "https://partner.example/wa/" + CHANNEL,
                        "set messaging webhook: HTTP 401", true, 2, AT)));
        for (EventType type : EventType.values()) {
            if (type.topic() == Topic.HUB_WEBHOOKS) {
                String event = type == EventType.HUB_UNKNOWN
                        ? "number_ported"
                        : type.ceType().substring(HubWebhook.TYPE_PREFIX.length());
                events.add(webhook(event));
            }
        }
        return events;
    }

    static ChannelSnapshot snapshot(long version) {
        return new ChannelSnapshot(
                CHANNEL,
                HUB,
                CLIENT,
                "tenant-42",
                "4915123456789",
                "running",
                ChannelStage.RUNNING,
                "live",
                new PermissionStatus(PermissionState.GRANTED, "redirect"),
                new ApiKeyStatus(ApiKeyState.FAILED, "http 403: no permission"),
                version,
                AT.minusSeconds(3600),
                AT,
                AT.minusSeconds(1));
    }

    static HubWebhook webhook(String event) {
        String body = """
                {"id":"evt-%s","event":"%s","data":{"id":"%s","client_id":"%s","status":"running"}}"""
                .formatted(event, event, CHANNEL, CLIENT);
        return HubWebhooks.parse(HUB, body.getBytes(StandardCharsets.UTF_8), AT);
    }
}
