package org.partnerhub.onboarding.events.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.partnerhub.onboarding.events.EventDecodingException;
import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.events.EventJson;

/** Parses 360dialog partner webhook bodies ({@code {"id"?, "event", "data"}}) into typed read-views. */
public final class HubWebhooks {

    private static final ObjectMapper JSON = EventJson.newMapper();

    private HubWebhooks() {
    }

    /** Parses a body whose receive time is unknown. */
    public static HubWebhook parse(String hubId, byte[] rawBody) {
        return parse(hubId, rawBody, null);
    }

    /**
     * Parses a body; any event name is accepted, unknown ones as {@link UnknownHubWebhook}.
     *
     * @throws EventDecodingException if the body is not a JSON object
     */
    public static HubWebhook parse(String hubId, byte[] rawBody, Instant receivedAt) {
        Objects.requireNonNull(hubId, "hubId");
        JsonNode envelope = readObject(rawBody);
        String envelopeId = JsonFields.text(envelope, "id");
        String id = envelopeId != null ? envelopeId : EventIds.ofRawBody(hubId, rawBody);
        String event = JsonFields.text(envelope, "event");
        JsonNode data = envelope.path("data");
        String raw = new String(rawBody, StandardCharsets.UTF_8);
        return switch (event == null ? "" : event) {
            case "client_created" -> new HubWebhook.ClientCreated(hubId, id, receivedAt, data, raw);
            case "channel_created" -> new HubWebhook.ChannelCreated(hubId, id, receivedAt, data, raw);
            case "channel_submitted" -> new HubWebhook.ChannelSubmitted(hubId, id, receivedAt, data, raw);
            case "channel_ready" -> new HubWebhook.ChannelReady(hubId, id, receivedAt, data, raw);
            case "channel_running" -> new HubWebhook.ChannelRunning(hubId, id, receivedAt, data, raw);
            case "channel_live" -> new HubWebhook.ChannelLive(hubId, id, receivedAt, data, raw);
            case "channel_permission_granted" ->
                new HubWebhook.ChannelPermissionGranted(hubId, id, receivedAt, data, raw);
            case "account_violation" -> new HubWebhook.AccountViolation(hubId, id, receivedAt, data, raw);
            case "account_restriction" -> new HubWebhook.AccountRestriction(hubId, id, receivedAt, data, raw);
            case "cancellation_request" -> new HubWebhook.CancellationRequest(hubId, id, receivedAt, data, raw);
            case "cancellation_revoke" -> new HubWebhook.CancellationRevoke(hubId, id, receivedAt, data, raw);
            case "cancellation_processed" -> new HubWebhook.CancellationProcessed(hubId, id, receivedAt, data, raw);
            case "template_messaging_enabled" ->
                new HubWebhook.TemplateMessagingEnabled(hubId, id, receivedAt, data, raw);
            case "template_messaging_disabled" ->
                new HubWebhook.TemplateMessagingDisabled(hubId, id, receivedAt, data, raw);
            default -> new UnknownHubWebhook(hubId, id, event, receivedAt, data, raw);
        };
    }

    private static JsonNode readObject(byte[] rawBody) {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(rawBody);
        } catch (IOException e) {
            throw new EventDecodingException("webhook body is not JSON", e);
        }
        if (envelope == null || !envelope.isObject()) {
            throw new EventDecodingException("webhook body is not a JSON object");
        }
        return envelope;
    }
}
