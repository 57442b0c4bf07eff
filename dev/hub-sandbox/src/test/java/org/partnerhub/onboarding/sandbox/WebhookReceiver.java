package org.partnerhub.onboarding.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The partner's end of the webhooks in tests: keeps each raw body with its signature, in arrival order. */
@Path("/test-receiver/{partnerId}")
public class WebhookReceiver {

    /** @param partnerToken the static header our hub setup registers with the URL, null when not sent */
    record Received(String partnerId, byte[] body, String signature, String authorization, String partnerToken) {
    }

    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** The status the receiver answers with; tests set 500 to see retries. */
    static volatile int answer = 200;

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
