package org.partnerhub.onboarding.sandbox;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sandbox's own controls for tests and people: the fault knobs, what the sandbox holds, what it sent, and
 * a reset. Not part of 360dialog's API, hence not behind a Partner API key.
 */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    FaultKnobs knobs;

    @Inject
    SandboxStore store;

    @Inject
    SandboxConfig config;

    @Inject
    DeliveryLog deliveries;

    @Inject
    SandboxCounters counters;

    @Inject
    WebhookDispatcher webhooks;

    @Inject
    Visits visits;

    @Inject
    Tokens tokens;

    @Inject
    ChannelLifecycle lifecycle;

    @GET
    @Path("/faults")
    public Faults faults() {
        return knobs.current();
    }

    /** Changes the knobs the body names, e.g. {@code {"dropRate": 1}}; the others stay. */
    @PATCH
    @Path("/faults")
    public Response changeFaults(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return Response.status(400).entity(Map.of("error", "the body must be a JSON object of knobs")).build();
        }
        try {
            return Response.ok(knobs.set(knobs.current().patch(patch))).build();
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Map.of("error", e.getMessage())).build();
        }
    }

    /** Back to the configured knobs. */
    @DELETE
    @Path("/faults")
    public Faults resetFaults() {
        return knobs.reset();
    }

    @GET
    @Path("/partners")
    public List<Map<String, Object>> partners() {
        return config.partners().entrySet().stream().map(partner -> {
            PartnerSettings settings = store.settings(partner.getKey());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", partner.getKey());
            json.put("paymentMode", partner.getValue().paymentMode().name().toLowerCase());
            json.put("webhookUrl", settings.webhookUrl());
            json.put("redirectUrl", settings.redirectUrl());
            return json;
        }).toList();
    }

    @GET
    @Path("/clients")
    public List<Map<String, Object>> clients() {
        return store.clients(null).stream().map(client -> {
            Map<String, Object> json = HubJson.client(client);
            json.put("partner_id", client.partnerId());
            return json;
        }).toList();
    }

    /** Every channel in the Partner API's shape, plus what the API does not show: permission and key rule. */
    @GET
    @Path("/channels")
    public List<Map<String, Object>> channels() {
        return store.channels(null).stream().map(this::channelJson).toList();
    }

    /**
     * The client grants ({@code grant}) or withdraws ({@code withdraw}) the partner's API-key permission in the
     * Client Hub. No webhook: only {@code shared_client_numbers} and the channel's {@code modified_at} change.
     */
    @POST
    @Path("/channels/{channelId}/permission/{action: grant|withdraw}")
    @Consumes(MediaType.WILDCARD)
    public Response clientHubPermission(@PathParam("channelId") String channelId,
            @PathParam("action") String action) {
        return store.shareInClientHub(channelId, action.equals("grant"))
                .map(channel -> Response.ok(channelJson(channel)).build())
                .orElseGet(() -> unknownChannel(channelId));
    }

    /**
     * A {@link StandingChange} of a live channel ({@code cancellation/request}, {@code cancellation/revoke},
     * {@code cancellation/process}, {@code restriction/impose}, {@code restriction/lift}), announced by its webhook.
     *
     * @param violationType what a restriction names as the violation
     */
    @POST
    @Path("/channels/{channelId}/{area: cancellation|restriction}/{action}")
    @Consumes(MediaType.WILDCARD)
    public Response changeStanding(@PathParam("channelId") String channelId, @PathParam("area") String area,
            @PathParam("action") String action, @QueryParam("violation_type") String violationType) {
        Optional<StandingChange> change = StandingChange.at(area + "/" + action);
        if (change.isEmpty()) {
            return Response.status(404).entity(Map.of("error", "no such change: " + area + "/" + action
                    + " (changes: " + Arrays.stream(StandingChange.values()).map(StandingChange::path).toList()
                    + ")")).build();
        }
        return store.change(channelId, change.get()).map(channel -> {
            lifecycle.changed(channel, change.get(), violationType == null ? "SANDBOX_VIOLATION" : violationType);
            return Response.ok(channelJson(channel)).build();
        }).orElseGet(() -> unknownChannel(channelId));
    }

    /** Per channel, what its messaging webhook was last set to through {@code POST /v1/configs/webhook}. */
    @GET
    @Path("/messaging-webhooks")
    public Map<String, SandboxStore.MessagingWebhook> messagingWebhooks() {
        return store.messagingWebhooks();
    }

    @ServerExceptionMapper
    public Response notNow(StandingChange.NotApplicable refused) {
        return Response.status(409).type(MediaType.APPLICATION_JSON).entity(Map.of("error", refused.getMessage()))
                .build();
    }

    private static Response unknownChannel(String channelId) {
        return Response.status(404).entity(Map.of("error", "no channel " + channelId)).build();
    }

    private Map<String, Object> channelJson(Channel channel) {
        Map<String, Object> json = HubJson.channel(channel, store.client(channel.clientId()).orElseThrow());
        json.put("partner_id", channel.partnerId());
        json.put("permitted", channel.permitted());
        json.put("api_keys_allowed", channel.acceptsApiKeys()
                && channel.allowsApiKeys(store.partner(channel.partnerId()).paymentMode()));
        return json;
    }

    /** The keys each channel has now (earlier ones were revoked by rotation or deleted). */
    @GET
    @Path("/keys")
    public Map<String, List<Map<String, Object>>> keys() {
        Map<String, List<Map<String, Object>>> json = new LinkedHashMap<>();
        store.allKeys().forEach((channel, list) -> json.put(channel, list.stream().map(HubJson::apiKey).toList()));
        return json;
    }

    @GET
    @Path("/webhooks")
    public List<Delivery> webhookDeliveries() {
        return deliveries.latest();
    }

    /**
     * {@code apiKeyCreations}: successful {@code POST .../api_keys} per channel ("exactly one per channel");
     * {@code webhooks}: deliveries per outcome; {@code partnerApi}: refusals by the gate and the knobs.
     */
    @GET
    @Path("/counters")
    public Map<String, Object> counters() {
        return Map.of("apiKeyCreations", store.keyCreations(), "webhooks", deliveries.counts(),
                "partnerApi", counters.snapshot());
    }

    /** Forgets all clients, channels, keys, settings, visits, tokens and deliveries, and resets the knobs. */
    @POST
    @Path("/reset")
    @Consumes(MediaType.WILDCARD)
    public Response reset() {
        store.reset();
        visits.clear();
        tokens.clear();
        webhooks.clear();
        deliveries.clear();
        counters.clear();
        knobs.reset();
        return Response.noContent().build();
    }
}
