package org.partnerhub.onboarding.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The partner's end of the webhooks in tests: keeps each raw body with its signature, in arrival order. */
@Path("/test-receiver/{partnerId}")
public class WebhookReceiver {

    /** @param partnerToken the static header our hub setup registers with the URL, null when not sent */
    record Received(String partnerId, byte[] body, String signature, String authorization, String partnerToken) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** The status the receiver answers with; tests set 500 to see retries. */
    static volatile int answer = 200;

    static void clear() {
        RECEIVED.clear();
        answer = 200;
    }

    /** Each body received, as JSON, in arrival order. */
    static List<JsonNode> bodies() {
        return RECEIVED.stream().map(received -> json(received.body())).toList();
    }

    /** Webhook bodies are JSON; tests also read the sandbox's admin answers with it. */
    static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@PathParam("partnerId") String partnerId, byte[] body,
            @HeaderParam("x-360dialog-signature") String signature,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Partner-Token") String partnerToken) {
        RECEIVED.add(new Received(partnerId, body, signature, authorization, partnerToken));
        return Response.status(answer).build();
    }
}
