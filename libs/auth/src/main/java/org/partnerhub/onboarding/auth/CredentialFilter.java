package org.partnerhub.onboarding.auth;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Runs before every JAX-RS resource method of a service that depends on this library (after matching, so it knows
 * the method): public endpoints pass, every other one needs a known bearer token and the endpoint's scope.
 * Refusals are audited with the credential's name, never the token. Health, metrics and OpenAPI are not JAX-RS
 * resources and stay open.
 */
public class CredentialFilter {

    static final Logger AUDIT = Logger.getLogger("org.partnerhub.onboarding.auth.audit");

    @Inject
    ApiCredentials credentials;

    @Inject
    Caller caller;

    @ServerRequestFilter
    public Optional<Response> authorize(ContainerRequestContext request, ResourceInfo resource) {
        EndpointRule rule = EndpointRule.of(resource.getResourceClass(), resource.getResourceMethod());
        if (rule instanceof EndpointRule.Open) {
            return Optional.empty();
        }
        Access access = Access.decide(rule, credentials.identify(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
        String what = request.getMethod() + " " + request.getUriInfo().getPath();
        return switch (access) {
            case Access.Granted granted -> {
                granted.credential().ifPresent(caller::set);
                AUDIT.debugf("%s credential=%s outcome=granted", what,
                        granted.credential().map(Credential::name).orElse("public"));
                yield Optional.empty();
            }
            case Access.Unauthenticated none -> {
                AUDIT.infof("%s credential=unauthenticated outcome=401", what);
                yield Optional.of(refusal(Response.Status.UNAUTHORIZED, "a configured bearer token is required")
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            }
            case Access.Forbidden forbidden -> {
                AUDIT.infof("%s credential=%s outcome=403", what, forbidden.credential().name());
                yield Optional.of(refusal(Response.Status.FORBIDDEN, forbidden.reason()).build());
            }
        };
    }

    private static Response.ResponseBuilder refusal(Response.Status status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(reason));
    }
}
