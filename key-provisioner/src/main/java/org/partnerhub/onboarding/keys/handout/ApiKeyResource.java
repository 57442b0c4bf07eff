package org.partnerhub.onboarding.keys.handout;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.auth.ApiError;
import org.partnerhub.onboarding.auth.Caller;
import org.partnerhub.onboarding.auth.Credential;
import org.partnerhub.onboarding.auth.RequiresScope;
import org.partnerhub.onboarding.auth.Scope;
import org.partnerhub.onboarding.keys.ProvisioningWorker;
import org.partnerhub.onboarding.keys.crypto.KeyCipher;
import org.partnerhub.onboarding.keys.domain.ClaimStatus;
import org.partnerhub.onboarding.keys.domain.RetryOutcome;
import org.partnerhub.onboarding.keys.store.ClaimLedger;
import org.partnerhub.onboarding.keys.store.StoredApiKey;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Hands a channel's key to the partner's internal services (scope {@code keys:read}): 200 with the key, 404 when the
 * channel has none or the credential may not see its hub or tenant, 410 once it was revoked. An operator retries a
 * FAILED claim (scope {@code keys:retry}): 202, 404 without a claim the credential may see, 409 with the status that
 * stands in the way. 401 and 403 come from the credential filter. Refusals carry an {@link ApiError}; every request
 * that reaches this class is audited with the credential's name, never with the key or token.
 */
@Path("/channels/{channelId}/api-key")
public class ApiKeyResource {

    private static final Logger AUDIT = Logger.getLogger("org.partnerhub.onboarding.keys.audit");
    private static final Logger LOG = Logger.getLogger(ApiKeyResource.class);

    @Inject
    KeyCipher cipher;

    @Inject
    ClaimLedger ledger;

    @Inject
    ProvisioningWorker worker;

    @Inject
    ChannelScope scope;

    @Inject
    Caller caller;

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
    @RequiresScope(Scope.KEYS_READ)
    @WithSession
    public Uni<Response> get(@PathParam("channelId") String channelId) {
        Credential credential = caller.credential();
        return scope.visible(channelId, credential).chain(visible -> !visible
                ? Uni.createFrom().item((StoredApiKey) null)
                : StoredApiKey.<StoredApiKey>find("channelId = ?1 order by createdAt desc", channelId).firstResult())
                .map(stored -> {
                    Response response = answer(channelId, stored);
                    AUDIT.infof("api-key channel=%s credential=%s outcome=%d%s", channelId, credential.name(),
                            response.getStatus(), stored == null ? "" : " keyId=" + stored.keyId);
                    return response;
                });
    }

    @POST
    @Path("retry")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.KEYS_RETRY)
    public Uni<Response> retry(@PathParam("channelId") String channelId) {
        Credential credential = caller.credential();
        // Checked before the retry changes anything; a channel's hub and tenant never change once its claim is taken.
        return scope.visible(channelId, credential).chain(visible -> !visible
                ? Uni.createFrom().item(noClaim(channelId))
                : ledger.retry(channelId).chain(outcome -> switch (outcome) {
                    case RetryOutcome.Retried retried -> {
                        LOG.infof("Retry of channel %s's key requested by %s (was FAILED: %s)", channelId,
                                credential.name(), retried.previousError());
                        // Like a new claim, worked on at once rather than at the next poll, which picks up what
                        // this misses.
                        yield worker.runDue().replaceWith(Response.accepted(new RetryAccepted(channelId,
                                ClaimStatus.PENDING)).build());
                    }
                    case RetryOutcome.NoClaim none -> Uni.createFrom().item(noClaim(channelId));
                    case RetryOutcome.Refused refused -> Uni.createFrom().item(refusal(Response.Status.CONFLICT,
                            refused.reason()).build());
                }))
                .invoke(response -> AUDIT.infof("api-key-retry channel=%s credential=%s outcome=%d", channelId,
                        credential.name(), response.getStatus()));
    }

    private static Response noClaim(String channelId) {
        return refusal(Response.Status.NOT_FOUND, "channel " + channelId + " has no claim for a key").build();
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

    private static Response.ResponseBuilder refusal(Response.Status status, String reason) {
        return Response.status(status).entity(new ApiError(reason)).type(MediaType.APPLICATION_JSON);
    }
}
