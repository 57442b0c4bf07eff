package org.partnerhub.onboarding.state.api;

import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnerhub.onboarding.auth.ApiError;
import org.partnerhub.onboarding.auth.Caller;
import org.partnerhub.onboarding.auth.Credential;
import org.partnerhub.onboarding.auth.RequiresScope;
import org.partnerhub.onboarding.auth.Scope;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.state.fold.ChannelState;
import org.partnerhub.onboarding.state.fold.HistoryEntry;
import org.partnerhub.onboarding.state.fold.Snapshots;
import org.partnerhub.onboarding.state.store.ChannelFilter;
import org.partnerhub.onboarding.state.store.ChannelHistoryRepository;
import org.partnerhub.onboarding.state.store.ChannelRepository;

import io.smallrye.mutiny.Uni;

@Path("/channels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "channels", description = "Where each WhatsApp number is in onboarding")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No or unknown bearer token",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "The credential lacks the scope channels:read",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@RequiresScope(Scope.CHANNELS_READ)
public class ChannelResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @Inject
    ChannelRepository channels;

    @Inject
    ChannelHistoryRepository history;

    @Inject
    Caller caller;

    @GET
    @Path("/{id}")
    @Operation(summary = "The channel's current snapshot")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ChannelSnapshot.class)))
    @APIResponse(responseCode = "404", description = "No such channel, or none the credential may see",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> channel(@PathParam("id") String id) {
        Credential credential = caller.credential();
        return channels.channel(id).map(channel -> visible(channel, credential)
                ? Response.ok(Snapshots.of(channel)).build()
                : Responses.notFound("channel", id));
    }

    @GET
    @Operation(summary = "Channels matching all given filters that the credential may see, ordered by id, one page "
            + "at a time")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ChannelPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed; the body says which",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> channels(
            @QueryParam("tenant") String tenant,
            @QueryParam("client") String client,
            @QueryParam("hub") String hub,
            @Parameter(description = "pending, ready, running, live, restricted, cancellation-requested, cancelled or "
                    + "unknown")
            @QueryParam("stage") String stage,
            @Parameter(description = "page size, 1 to " + MAX_LIMIT + ", default " + DEFAULT_LIMIT)
            @QueryParam("limit") String limit,
            @Parameter(description = "the `next` of the previous page") @QueryParam("after") String after) {
        ChannelStage parsedStage;
        int parsedLimit;
        try {
            parsedStage = stage(stage);
            parsedLimit = limit(limit);
        } catch (IllegalArgumentException bad) {
            return Uni.createFrom().item(Responses.badRequest(bad.getMessage()));
        }
        Credential credential = caller.credential();
        ChannelFilter filter = new ChannelFilter(tenant, client, hub, parsedStage, after, parsedLimit,
                credential.hubs().only(), credential.tenants().only());
        return channels.page(filter).map(page -> {
            List<ChannelSnapshot> items = page.stream().map(Snapshots::of).toList();
            String next = items.size() == parsedLimit ? items.getLast().channelId() : null;
            return Response.ok(new ChannelPage(items, next)).build();
        });
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every transition of the channel, oldest first, stale status replays included")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = HistoryEntry.class, type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such channel, or none the credential may see",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> history(@PathParam("id") String id) {
        Credential credential = caller.credential();
        return channels.channel(id).chain(channel -> visible(channel, credential)
                ? history.of(id).map(entries -> Response.ok(entries).build())
                : Uni.createFrom().item(Responses.notFound("channel", id)));
    }

    /** Outside the credential's hubs and tenants a channel answers like an unknown one: existence is not leaked. */
    private static boolean visible(ChannelState channel, Credential credential) {
        return channel != null && credential.sees(channel.hubId(), channel.tenant());
    }

    private static ChannelStage stage(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(ChannelStage.values())
                .filter(stage -> stage.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("stage must be one of "
                        + Arrays.stream(ChannelStage.values()).map(ChannelStage::value).toList()
                        + ", not '" + value + "'"));
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // Falls through to the same answer as an out-of-range number.
        }
        throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT + ", not '"
                + value + "'");
    }
}
