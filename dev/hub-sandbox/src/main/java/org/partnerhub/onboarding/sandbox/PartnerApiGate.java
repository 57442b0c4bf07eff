package org.partnerhub.onboarding.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;

/**
 * What every Partner API and messaging API call goes through before its resource: the latency, throttling and error
 * knobs, then, for the Partner API, authentication with the partner's {@code X-API-Key} or a legacy Bearer token
 * ({@code POST /token} needs neither; the messaging API checks its {@code D360-API-KEY} itself).
 */
public class PartnerApiGate {

    static final String BASE = "/api/v2";
    static final String MESSAGING_BASE = "/v1";

    @Inject
    FaultKnobs knobs;

    @Inject
    SandboxConfig config;

    @Inject
    Tokens tokens;

    @Inject
    SandboxCounters counters;

    @ServerRequestFilter
    public Uni<Response> gate(ContainerRequestContext request, UriInfo uri) {
        String path = uri.getPath().startsWith("/") ? uri.getPath() : "/" + uri.getPath();
        if (!path.startsWith(BASE + "/") && !path.startsWith(MESSAGING_BASE + "/")) {
            return Uni.createFrom().nullItem();
        }
        Faults faults = knobs.current();
        Uni<Void> wait = faults.latencyMs() == 0 ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(faults.latencyMs()));
        return wait.map(ignored -> refusal(request, uri, faults));
    }

    /** null lets the call through. */
    private Response refusal(ContainerRequestContext request, UriInfo uri, Faults faults) {
        if (FaultKnobs.roll(faults.throttleRate())) {
            counters.increment("throttled");
            return Response.fromResponse(ApiProblemMapper.answer(429, "too many requests (sandbox fault knob)"))
                    .header(HttpHeaders.RETRY_AFTER, faults.retryAfterSeconds()).build();
        }
        if (FaultKnobs.roll(faults.errorRate())) {
            counters.increment("errors");
            return ApiProblemMapper.answer(500, "internal server error (sandbox fault knob)");
        }
        String partnerId = uri.getPathParameters().getFirst("partnerId");
        if (partnerId == null) {
            return null;
        }
        if (config.partner(partnerId).isEmpty()) {
            return ApiProblemMapper.answer(404, "partner " + partnerId + " not found");
        }
        if (authenticated(request, partnerId)) {
            return null;
        }
        counters.increment("unauthorized");
        return ApiProblemMapper.answer(401, "missing or wrong X-API-Key (or Bearer token) for partner " + partnerId);
    }

    private boolean authenticated(ContainerRequestContext request, String partnerId) {
        String apiKey = request.getHeaderString("X-API-Key");
        if (apiKey != null) {
            return config.partner(partnerId).flatMap(SandboxConfig.Partner::apiKey)
                    .filter(expected -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                            apiKey.getBytes(StandardCharsets.UTF_8)))
                    .isPresent();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.startsWith("Bearer ")
                && tokens.admits(authorization.substring("Bearer ".length()), partnerId);
    }
}
