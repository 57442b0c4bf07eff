package org.partnerhub.onboarding.hubapi;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** The part of 360dialog's WhatsApp (messaging) API this project calls, at a channel key's {@code address}. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MessagingApiResource {

    @POST
    @Path("/v1/configs/webhook")
    Uni<JsonNode> setWebhook(@HeaderParam("D360-API-KEY") String apiKey, Map<String, String> body);
}
