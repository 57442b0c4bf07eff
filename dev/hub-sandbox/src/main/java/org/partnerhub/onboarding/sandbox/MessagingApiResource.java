package org.partnerhub.onboarding.sandbox;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one call of 360dialog's messaging (WhatsApp) API the project makes, at the {@code address} the sandbox hands
 * out with each key: setting the number's messaging webhook with the channel's key. Fault knobs apply as to the
 * Partner API ({@link PartnerApiGate}).
 */
@Path(PartnerApiGate.MESSAGING_BASE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessagingApiResource {

    @Inject
    SandboxStore store;

    /** 200 {@code {"url"}}; 401 unless the key is the channel's current one; 400 without an absolute http(s) URL. */
    @POST
    @Path("/configs/webhook")
    public Map<String, Object> setWebhook(@HeaderParam("D360-API-KEY") String apiKey, JsonNode body) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new ApiProblem(401, "D360-API-KEY is required");
        }
        String url = body == null ? null : PartnerApiResource.url(body, "url");
        if (url == null) {
            throw new ApiProblem(400, "url is required");
        }
        return store.setMessagingWebhook(apiKey, url).map(set -> Map.<String, Object>of("url", set.url()))
                .orElseThrow(() -> new ApiProblem(401, "D360-API-KEY is not a live key of any channel"));
    }
}
