package org.partnerhub.onboarding.keys.handout;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.keys.KeysConfig;
import org.partnerhub.onboarding.keys.ProvisioningWorker;
import org.partnerhub.onboarding.keys.crypto.KeyCipher;
import org.partnerhub.onboarding.keys.domain.ClaimStatus;
import org.partnerhub.onboarding.keys.domain.RetryOutcome;
import org.partnerhub.onboarding.keys.store.ClaimLedger;
import org.partnerhub.onboarding.keys.store.StoredApiKey;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Hands a channel's key to the partner's internal services: 200 with the key, 401 without a configured bearer token,
 * 404 when the channel has none, 410 once it was revoked. Behind the same tokens an operator retries a FAILED claim:
 * 202, 404 without a claim, 409 with the status that stands in the way. Refusals carry an {@link ApiError}; every
 * request is audited, never with the key or token.
 */
@Path("/channels/{channelId}/api-key")
public class ApiKeyResource {

    private static final Logger AUDIT = Logger.getLogger("org.partnerhub.onboarding.keys.audit");
    private static final Logger LOG = Logger.getLogger(ApiKeyResource.class);

    @Inject
    KeysConfig config;

    @Inject
    KeyCipher cipher;

    @Inject
    ClaimLedger ledger;

    @Inject
    ProvisioningWorker worker;

    private ApiTokens tokens;

    @PostConstruct
    void readTokens() {
        tokens = new ApiTokens(config.apiTokens().orElse(List.of()));
    }

    /** What a caller receives; the only place the key leaves this service in plain text. */
    public record HandedOutKey(String channelId, String apiKey, String address, String appId, Instant createdAt) {

        @Override
        public String toString() {
            return "HandedOutKey[channelId=" + channelId + ", apiKey=***]";
        }
    }

    /** What an accepted retry answers: the claim is due again. */
    public record RetryAccepted(String channelId, ClaimStatus status) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    public Uni<Response> get(@PathParam("channelId") String channelId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        var caller = tokens.caller(authorization);
        if (caller.isEmpty()) {
            return Uni.createFrom().item(unauthorized("api-key", channelId));
        }
        return StoredApiKey.<StoredApiKey>find("channelId = ?1 order by createdAt desc", channelId).firstResult()
                .map(stored -> {
                    Response response = answer(channelId, stored);
                    AUDIT.infof("api-key channel=%s caller=%s outcome=%d%s", channelId, caller.get(),
                            response.getStatus(), stored == null ? "" : " keyId=" + stored.keyId);
                    return response;
                });
    }

    @POST
    @Path("retry")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> retry(@PathParam("channelId") String channelId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        var caller = tokens.caller(authorization);
        if (caller.isEmpty()) {
            return Uni.createFrom().item(unauthorized("api-key-retry", channelId));
        }
        return ledger.retry(channelId).chain(outcome -> switch (outcome) {
            case RetryOutcome.Retried retried -> {
                LOG.infof("Retry of channel %s's key requested by %s (was FAILED: %s)", channelId, caller.get(),
                        retried.previousError());
                // Like a new claim, worked on at once rather than at the next poll, which picks up what this misses.
                yield worker.runDue().replaceWith(Response.accepted(new RetryAccepted(channelId, ClaimStatus.PENDING))
                        .build());
            }
            case RetryOutcome.NoClaim none -> Uni.createFrom().item(refusal(Response.Status.NOT_FOUND,
                    "channel " + channelId + " has no claim for a key").build());
            case RetryOutcome.Refused refused -> Uni.createFrom().item(refusal(Response.Status.CONFLICT,
                    refused.reason()).build());
        }).invoke(response -> AUDIT.infof("api-key-retry channel=%s caller=%s outcome=%d", channelId, caller.get(),
                response.getStatus()));
    }

    private Response answer(String channelId, StoredApiKey stored) {
        if (stored == null) {
            return refusal(Response.Status.NOT_FOUND, "channel " + channelId + " has no key").build();
        }
        if (stored.revokedAt != null) {
            return refusal(Response.Status.GONE, "channel " + channelId + "'s key was withdrawn: "
                    + stored.revokeReason).build();
        }
        String apiKey = cipher.decrypt(new KeyCipher.Sealed(stored.kekId, stored.ciphertext),
                StoredApiKey.associatedData(stored.hubId, stored.channelId, stored.keyId));
        return Response.ok(new HandedOutKey(channelId, apiKey, stored.address, stored.appId, stored.createdAt))
                .header("Cache-Control", "no-store").build();
    }

    private static Response unauthorized(String request, String channelId) {
        AUDIT.infof("%s channel=%s caller=unauthenticated outcome=401", request, channelId);
        return refusal(Response.Status.UNAUTHORIZED, "a configured bearer token is required")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response.ResponseBuilder refusal(Response.Status status, String reason) {
        return Response.status(status).entity(new ApiError(reason)).type(MediaType.APPLICATION_JSON);
    }
}
