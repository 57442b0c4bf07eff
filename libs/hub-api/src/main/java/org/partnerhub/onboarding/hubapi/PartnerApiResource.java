package org.partnerhub.onboarding.hubapi;

import java.util.Map;

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

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** The Partner API's HTTP surface; answers stay JSON trees so that {@link PartnerApiJson} can read them leniently. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface PartnerApiResource {

    @POST
    @Path("/token")
    Uni<JsonNode> token(Map<String, String> credentials);

    @POST
    @Path("/partners/{partnerId}/channels/{channelId}/api_keys")
    Uni<JsonNode> createApiKey(@PathParam("partnerId") String partnerId, @PathParam("channelId") String channelId);

    @GET
    @Path("/partners/{partnerId}/channels/{channelId}/api_keys")
    Uni<JsonNode> listApiKeys(@PathParam("partnerId") String partnerId, @PathParam("channelId") String channelId);

    @DELETE
    @Path("/partners/{partnerId}/channels/{channelId}/api_keys/{keyId}")
    Uni<Void> deleteApiKey(@PathParam("partnerId") String partnerId, @PathParam("channelId") String channelId,
            @PathParam("keyId") String keyId);

    @GET
    @Path("/partners/{partnerId}/channels/{channelId}")
    Uni<JsonNode> channel(@PathParam("partnerId") String partnerId, @PathParam("channelId") String channelId);

    @GET
    @Path("/partners/{partnerId}/channels")
    Uni<JsonNode> channels(@PathParam("partnerId") String partnerId, @QueryParam("filters") String filters,
            @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset, @QueryParam("sort") String sort);

    @GET
    @Path("/partners/{partnerId}/clients")
    Uni<JsonNode> clients(@PathParam("partnerId") String partnerId, @QueryParam("filters") String filters,
            @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset, @QueryParam("sort") String sort);

    @GET
    @Path("/partners/{partnerId}/clients/{clientId}/shared_client_numbers")
    Uni<JsonNode> sharedClientNumbers(@PathParam("partnerId") String partnerId,
            @PathParam("clientId") String clientId);

    @GET
    @Path("/partners/{partnerId}/webhook_url")
    Uni<JsonNode> webhookUrl(@PathParam("partnerId") String partnerId);

    @POST
    @Path("/partners/{partnerId}/webhook_url")
    Uni<JsonNode> setWebhookUrl(@PathParam("partnerId") String partnerId, Map<String, Object> body);

    @GET
    @Path("/partners/{partnerId}")
    Uni<JsonNode> partner(@PathParam("partnerId") String partnerId);

    @PATCH
    @Path("/partners/{partnerId}")
    Uni<JsonNode> updatePartner(@PathParam("partnerId") String partnerId, Map<String, String> changes);
}
