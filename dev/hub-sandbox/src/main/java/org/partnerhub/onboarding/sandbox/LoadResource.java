package org.partnerhub.onboarding.sandbox;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Loads the sandbox at once with a partner's clients and live numbers, as 360dialog holds them for a partner that
 * onboarded numbers before installing this system: no permission page, no webhooks, only what the Partner API lists.
 * For the first-install import's tests and demos.
 */
@Path("/sandbox/load")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LoadResource {

    /**
     * @param tenantPrefix each client's {@code partner_payload} is this and its number ({@code tenant-7}); absent:
     *     clients without one
     */
    public record Load(String partnerId, int clients, int channelsPerClient, String tenantPrefix) {
    }

    @Inject
    SandboxStore store;

    /** {@code {"partnerId": "...", "clients": 1000, "channelsPerClient": 10, "tenantPrefix": "tenant-"}}. */
    @POST
    public Response load(Load load) {
        if (load == null || load.partnerId() == null || load.clients() < 1 || load.channelsPerClient() < 1) {
            return Response.status(400).entity(Map.of("error",
                    "partnerId, and clients and channelsPerClient of at least 1, are required")).build();
        }
        store.partner(load.partnerId());
        int channels = 0;
        for (int i = 0; i < load.clients(); i++) {
            Client client = store.createClient(load.partnerId(), "Existing client " + i, "existing-" + i
                    + "@example.com", load.tenantPrefix() == null ? null : load.tenantPrefix() + i);
            for (int j = 0; j < load.channelsPerClient(); j++) {
                Channel channel = store.connect(client, String.format("+4917%09d", channels++)).channel();
                store.advance(channel.id(), Stage.LIVE);
            }
        }
        return Response.ok(Map.of("clients", load.clients(), "channels", channels)).build();
    }
}
