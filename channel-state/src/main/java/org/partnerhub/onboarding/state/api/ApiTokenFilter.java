package org.partnerhub.onboarding.state.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The query API answers only callers with one of the configured bearer tokens. Without any configured token it
 * answers nobody. Tokens are compared in constant time and never logged.
 */
public class ApiTokenFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    @ConfigProperty(name = "onboarding.state.api-tokens")
    Optional<List<String>> tokens;

    @ServerRequestFilter
    public Optional<Response> requireToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/channels") && !path.startsWith("/clients")) {
            return Optional.empty();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.startsWith(BEARER) && known(authorization.substring(BEARER.length()))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("a valid bearer token is required")).build());
    }

    private boolean known(String presented) {
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String token : tokens.orElse(List.of())) {
            match |= MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), candidate);
        }
        return match;
    }
}
