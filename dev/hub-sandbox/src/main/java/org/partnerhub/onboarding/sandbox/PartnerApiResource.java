package org.partnerhub.onboarding.sandbox;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Partner API subset the project calls ({@code libs/hub-api}), under {@code /api/v2} like 360dialog's. Callers
 * have passed {@link PartnerApiGate} by the time a method runs.
 */
@Path(PartnerApiGate.BASE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerApiResource {

    @Inject
    SandboxStore store;

    @Inject
    SandboxConfig config;

    @Inject
    Tokens tokens;

    @POST
    @Path("/token")
    public Response token(JsonNode credentials) {
        String username = credentials == null ? "" : credentials.path("username").asText("");
        String password = credentials == null ? "" : credentials.path("password").asText("");
        return tokens.issue(username, password)
                .map(token -> Response.ok(Map.of("access_token", token, "token_type", "Bearer",
                        "expires_in", config.tokenLifetime().toSeconds())).build())
                .orElseGet(() -> Response.status(401).entity(Map.of("error", "invalid_grant",
                        "error_description", "wrong username or password")).build());
    }

    @GET
    @Path("/partners/{partnerId}")
    public Map<String, Object> partner(@PathParam("partnerId") String partnerId) {
        return partnerJson(partnerId, store.settings(partnerId));
    }

    /** Takes {@code webhook_url} and {@code partner_redirect_url}; other fields are accepted and ignored. */
    @PATCH
    @Path("/partners/{partnerId}")
    public Map<String, Object> updatePartner(@PathParam("partnerId") String partnerId, JsonNode changes) {
        if (changes == null || !changes.isObject()) {
            throw new ApiProblem(400, "the body must be a JSON object");
        }
        String webhookUrl = url(changes, "webhook_url");
        String redirectUrl = url(changes, "partner_redirect_url");
        PartnerSettings updated = store.updateSettings(partnerId, settings -> {
            PartnerSettings changed = webhookUrl == null ? settings : settings.withWebhook(webhookUrl, Map.of());
            return redirectUrl == null ? changed : changed.withRedirect(redirectUrl);
        });
        return partnerJson(partnerId, updated);
    }

    @GET
    @Path("/partners/{partnerId}/webhook_url")
    public Map<String, Object> webhookUrl(@PathParam("partnerId") String partnerId) {
        return webhookJson(store.settings(partnerId));
    }

    /** {@code {"webhook_url": ..., "headers": {name: value}}}; the headers go with every webhook, like 360dialog's. */
    @POST
    @Path("/partners/{partnerId}/webhook_url")
    public Map<String, Object> setWebhookUrl(@PathParam("partnerId") String partnerId, JsonNode body) {
        String url = body == null ? null : url(body, "webhook_url");
        if (url == null) {
            throw new ApiProblem(400, "webhook_url is required");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> header : body.path("headers").properties()) {
            if (!header.getKey().matches("[A-Za-z0-9-]{1,64}") || !header.getValue().isTextual()) {
                throw new ApiProblem(400, "headers must map header names to text values");
            }
            headers.put(header.getKey(), header.getValue().asText());
        }
        return webhookJson(store.updateSettings(partnerId, settings -> settings.withWebhook(url, headers)));
    }

    @GET
    @Path("/partners/{partnerId}/channels")
    public Map<String, Object> channels(@PathParam("partnerId") String partnerId,
            @QueryParam("filters") String filters, @QueryParam("limit") Integer limit,
            @QueryParam("offset") Integer offset, @QueryParam("sort") String sort) {
        List<Map<String, Object>> all = store.channels(partnerId).stream().map(this::channelJson).toList();
        return Listing.page("partner_channels", all, filters, sort, limit, offset);
    }

    @GET
    @Path("/partners/{partnerId}/channels/{channelId}")
    public Map<String, Object> channel(@PathParam("partnerId") String partnerId,
            @PathParam("channelId") String channelId) {
        return channelJson(store.channel(partnerId, channelId));
    }

    @GET
    @Path("/partners/{partnerId}/clients")
    public Map<String, Object> clients(@PathParam("partnerId") String partnerId,
            @QueryParam("filters") String filters, @QueryParam("limit") Integer limit,
            @QueryParam("offset") Integer offset, @QueryParam("sort") String sort) {
        List<Map<String, Object>> all = store.clients(partnerId).stream().map(HubJson::client).toList();
        return Listing.page("clients", all, filters, sort, limit, offset);
    }

    /**
     * The client's numbers whose API-key permission it shares with the partner (360dialog's path; the answer's shape
     * is not confirmed): {@code {"count", "shared_client_numbers": [{"id", "phone_number"}]}}, 404 for a client
     * that is not the partner's.
     */
    @GET
    @Path("/partners/{partnerId}/clients/{clientId}/shared_client_numbers")
    public Map<String, Object> sharedClientNumbers(@PathParam("partnerId") String partnerId,
            @PathParam("clientId") String clientId) {
        List<Map<String, Object>> numbers = store.sharedNumbers(partnerId, clientId).stream()
                .map(HubJson::sharedNumber).toList();
        return Map.of("count", numbers.size(), "shared_client_numbers", numbers);
    }

    /** 201 with the new key; the channel's earlier keys are revoked. */
    @POST
    @Path("/partners/{partnerId}/channels/{channelId}/api_keys")
    @Consumes(MediaType.WILDCARD)
    public Response createApiKey(@PathParam("partnerId") String partnerId,
            @PathParam("channelId") String channelId, @Context UriInfo uri) {
        String ownBaseUrl = uri.getBaseUri().toString().replaceFirst("/$", "");
        ApiKey key = store.createKey(partnerId, channelId, config.messagingAddress().orElse(ownBaseUrl));
        Map<String, Object> json = HubJson.apiKey(key);
        json.remove("created_at");
        return Response.status(201).entity(json).build();
    }

    /** Lists keys with their secret: the shape is not confirmed, and revealing it lets a crashed caller adopt its key. */
    @GET
    @Path("/partners/{partnerId}/channels/{channelId}/api_keys")
    public Map<String, Object> apiKeys(@PathParam("partnerId") String partnerId,
            @PathParam("channelId") String channelId) {
        return Map.of("api_keys", store.keys(partnerId, channelId).stream().map(HubJson::apiKey).toList());
    }

    @DELETE
    @Path("/partners/{partnerId}/channels/{channelId}/api_keys/{keyId}")
    @Consumes(MediaType.WILDCARD)
    public Response deleteApiKey(@PathParam("partnerId") String partnerId, @PathParam("channelId") String channelId,
            @PathParam("keyId") String keyId) {
        store.deleteKey(partnerId, channelId, keyId);
        return Response.noContent().build();
    }

    private Map<String, Object> channelJson(Channel channel) {
        Client client = store.client(channel.clientId()).orElseThrow();
        return HubJson.channel(channel, client);
    }

    private Map<String, Object> partnerJson(String partnerId, PartnerSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", partnerId);
        json.put("payment_mode", store.partner(partnerId).paymentMode().name().toLowerCase());
        json.put("webhook_url", settings.webhookUrl());
        json.put("partner_redirect_url", settings.redirectUrl());
        return json;
    }

    private static Map<String, Object> webhookJson(PartnerSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("webhook_url", settings.webhookUrl());
        json.put("headers", settings.webhookHeaders().keySet());
        return json;
    }

    /** An absolute http(s) URL from the field, null when the field is absent. */
    static String url(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            URI uri = URI.create(value.asText());
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri.toString();
            }
        } catch (IllegalArgumentException malformed) {
            // answered below like any other URL the sandbox cannot post to
        }
        throw new ApiProblem(400, field + " must be an absolute http(s) URL");
    }
}
