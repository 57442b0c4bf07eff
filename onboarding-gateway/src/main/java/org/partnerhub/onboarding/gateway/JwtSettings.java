package org.partnerhub.onboarding.gateway;

import java.util.List;
import java.util.Optional;

/**
 * Checks the JWT verification settings. Outside {@code dev-tenant-param} a bearer JWT is the only source of the
 * tenant, so a token minted by any other issuer, or for any other audience, of the same identity provider must not
 * start a flow: both checks are required, and the gateway refuses to start without them.
 */
public final class JwtSettings {

    public static final String ISSUER = "mp.jwt.verify.issuer";
    public static final String AUDIENCES = "mp.jwt.verify.audiences";

    private JwtSettings() {
    }

    public static void check(boolean devTenantParam, Optional<String> issuer, Optional<List<String>> audiences) {
        if (devTenantParam) {
            return;
        }
        if (issuer.filter(value -> !value.isBlank()).isEmpty()) {
            throw new IllegalArgumentException(ISSUER + " is required: the issuer of the partner's tenant JWTs "
                    + "(or set onboarding.gateway.dev-tenant-param=true for a local stack)");
        }
        if (audiences.filter(values -> values.stream().anyMatch(value -> !value.isBlank())).isEmpty()) {
            throw new IllegalArgumentException(AUDIENCES + " is required: the audience the partner's tenant JWTs "
                    + "are issued for (or set onboarding.gateway.dev-tenant-param=true for a local stack)");
        }
    }
}
