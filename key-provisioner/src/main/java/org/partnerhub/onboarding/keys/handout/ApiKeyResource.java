package org.partnerhub.onboarding.keys.handout;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.keys.KeysConfig;
import org.partnerhub.onboarding.keys.crypto.KeyCipher;
import org.partnerhub.onboarding.keys.store.StoredApiKey;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Hands a channel's key to the partner's internal services: 200 with the key, 401 without a configured bearer token,
 * 404 when the channel has none, 410 once it was revoked; refusals carry an {@link ApiError}. Every request is
 * audited, never with the key or token.
 */
@Path("/channels/{channelId}/api-key")
public class ApiKeyResource {

    private static final Logger AUDIT = Logger.getLogger("org.partnerhub.onboarding.keys.audit");

    @Inject
    KeysConfig config;

    @Inject
    KeyCipher cipher;

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
