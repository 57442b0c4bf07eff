package org.partnerhub.onboarding.examples.subscriber;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the example did per channel, for a developer (and dev/e2e) to look at; never a key. Local use only. */
@Path("/channels")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final Subscriber subscriber;

    StatusResource(Subscriber subscriber) {
        this.subscriber = subscriber;
    }

    /** Every channel seen, and how many repeated events were skipped. */
    @GET
    public Summary all() {
        return new Summary(subscriber.channels(), subscriber.repeatsSkipped());
    }

    @GET
    @Path("{channelId}")
    public PartnerChannels.View one(@PathParam("channelId") String channelId) {
        return subscriber.channel(channelId)
                .orElseThrow(() -> new NotFoundException("channel " + channelId + " not seen on channel.events"));
    }

    public record Summary(List<PartnerChannels.View> channels, long repeatsSkipped) {
    }
}
