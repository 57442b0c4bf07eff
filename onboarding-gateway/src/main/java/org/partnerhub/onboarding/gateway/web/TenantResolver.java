package org.partnerhub.onboarding.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.partnerhub.onboarding.gateway.GatewayConfig;

/**
 * Finds the tenant a flow is for: a claim of the caller's bearer JWT (verified by SmallRye JWT with the configured
 * keys; a bad token never gets here, it is a 401), or, only with {@code dev-tenant-param=true}, a plain parameter.
 */
@ApplicationScoped
class TenantResolver {

    private static final int MAX_LENGTH = 256;

    @Inject
    GatewayConfig config;

    @Inject
    JsonWebToken jwt;

    /** @param tenantParam the request's {@code tenant} parameter, or null */
    String resolve(String tenantParam) throws UnauthenticatedException {
        if (jwt.getRawToken() != null) {
            return valid(claim(config.tenantClaim()), "the token's " + config.tenantClaim() + " claim");
        }
        if (config.devTenantParam() && tenantParam != null) {
            return valid(tenantParam, "the tenant parameter");
        }
        throw new UnauthenticatedException("a bearer token is required to start a flow");
    }

    private String claim(String name) {
        Object value = jwt.getClaim(name);
        return value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
    }

    private static String valid(String tenant, String where) throws UnauthenticatedException {
        if (tenant == null || tenant.isBlank() || tenant.length() > MAX_LENGTH
                || tenant.chars().anyMatch(Character::isISOControl)) {
            throw new UnauthenticatedException(where + " must name the tenant in 1 to " + MAX_LENGTH
                    + " printable characters");
        }
        return tenant;
    }
}
