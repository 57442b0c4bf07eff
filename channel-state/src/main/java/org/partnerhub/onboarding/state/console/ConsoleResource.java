package org.partnerhub.onboarding.state.console;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnerhub.onboarding.auth.ApiError;
import org.partnerhub.onboarding.auth.Caller;
import org.partnerhub.onboarding.auth.Credential;
import org.partnerhub.onboarding.auth.RequiresScope;
import org.partnerhub.onboarding.auth.Scope;
import org.partnerhub.onboarding.state.api.Responses;
import org.partnerhub.onboarding.state.fold.ChannelState;
import org.partnerhub.onboarding.state.fold.Snapshots;
import org.partnerhub.onboarding.state.store.ChannelHistoryRepository;
import org.partnerhub.onboarding.state.store.ChannelRepository;
import org.partnerhub.onboarding.state.store.ConsoleReads;

import io.smallrye.mutiny.Uni;

/**
 * The console's data (the page itself is static, {@code META-INF/resources/console/}). Scoped like the query API: a
 * credential sees only its hubs and tenants, and another's channel answers like an unknown one.
 */
@Path("/console/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "console", description = "What the operator console shows")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No or unknown bearer token",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "The credential lacks the call's scope",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@RequiresScope(Scope.CHANNELS_READ)
public class ConsoleResource {

    /** The lists show the first this many; the funnel counts every channel. */
    static final int LIST_LIMIT = 200;

    @Inject
    ConsoleReads reads;

    @Inject
    ChannelRepository channels;

    @Inject
    ChannelHistoryRepository history;

    @Inject
    ConsoleConfig config;

    @Inject
    KeyProvisionerRetry retry;

    @Inject
    Caller caller;

    @GET
    @Path("/settings")
    @Operation(summary = "The caller's credential and what the console may offer it")
    public ConsoleViews.Settings settings() {
        Credential credential = caller.credential();
        return new ConsoleViews.Settings(credential.name(), config.stuckAfter().toSeconds(),
                credential.has(Scope.KEYS_RETRY) && retry.configured(), retry.configured());
    }

    @GET
    @Path("/funnel")
    @Operation(summary = "Per hub and tenant: channels per stage, conversion to the next stage, time in stage")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FunnelRow.class,
            type = SchemaType.ARRAY)))
    public Uni<List<FunnelRow>> funnel() {
        Credential credential = caller.credential();
        return reads.paths(credential.hubs().only(), credential.tenants().only()).map(Funnel::of);
    }

    @GET
    @Path("/stuck")
    @Operation(summary = "Channels without progress for longer than onboarding.console.stuck-after, quietest first, "
            + "with the step each waits for")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConsoleViews.Stuck.class,
            type = SchemaType.ARRAY)))
    public Uni<List<ConsoleViews.Stuck>> stuck() {
        Credential credential = caller.credential();
        return reads.quietSince(Instant.now().minus(config.stuckAfter()), credential.hubs().only(),
                credential.tenants().only(), LIST_LIMIT)
                .map(quiet -> quiet.stream().flatMap(channel -> Waiting.of(channel)
                        .map(waiting -> ConsoleViews.Stuck.of(channel, waiting)).stream()).toList());
    }

    @GET
    @Path("/failed-keys")
    @Operation(summary = "Channels whose API key failed, most recent first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(
            implementation = ConsoleViews.FailedKey.class, type = SchemaType.ARRAY)))
    public Uni<List<ConsoleViews.FailedKey>> failedKeys() {
        Credential credential = caller.credential();
        return reads.failedKeys(credential.hubs().only(), credential.tenants().only(), LIST_LIMIT)
                .map(failed -> failed.stream().map(ConsoleViews.FailedKey::of).toList());
    }

    @GET
    @Path("/channels/{id}/timeline")
    @Operation(summary = "The channel and every fact of its history with its source; stale and conflicting "
            + "observations marked")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(
            implementation = ConsoleViews.Timeline.class)))
    @APIResponse(responseCode = "404", description = "No such channel, or none the credential may see",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> timeline(@PathParam("id") String id) {
        Credential credential = caller.credential();
        return channels.channel(id).chain(channel -> visible(channel, credential)
                ? history.of(id).map(entries -> Response.ok(new ConsoleViews.Timeline(Snapshots.of(channel),
                        TimelineEntry.of(entries))).build())
                : Uni.createFrom().item(Responses.notFound("channel", id)));
    }

    @POST
    @Path("/channels/{id}/api-key/retry")
    @RequiresScope(Scope.KEYS_RETRY)
    @Operation(summary = "Retry the channel's failed key claim at key-provisioner; its answer is passed back")
    @APIResponse(responseCode = "202", description = "key-provisioner retries the claim")
    @APIResponse(responseCode = "404", description = "No such channel or claim, or none the credential may see",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The claim is not failed; the body says what it is",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "501", description = "This channel-state has no key-provisioner to forward to",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "502", description = "key-provisioner did not answer, or refused channel-state",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> retry(@PathParam("id") String id) {
        Credential credential = caller.credential();
        if (!retry.configured()) {
            return Uni.createFrom().item(KeyProvisionerRetry.notConfigured());
        }
        return channels.channel(id).chain(channel -> visible(channel, credential)
                ? retry.retry(id, credential.name())
                : Uni.createFrom().item(Responses.notFound("channel", id)));
    }

    private static boolean visible(ChannelState channel, Credential credential) {
        return channel != null && credential.sees(channel.hubId(), channel.tenant());
    }
}
