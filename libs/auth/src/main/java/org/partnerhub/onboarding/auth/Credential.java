package org.partnerhub.onboarding.auth;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One caller of the internal APIs, by the name it was configured under: what it may do and what it may see. Holds
 * no token; the name is what audit lines and logs show.
 */
public record Credential(String name, Reach hubs, Reach tenants, Set<Scope> scopes) {

    public Credential {
        scopes = scopes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /**
     * Whether a channel or client of this hub and tenant is visible to the caller. Outside, an API answers as if it
     * did not exist, so that a caller cannot learn which ids exist under other tenants.
     */
    public boolean sees(String hubId, String tenant) {
        return hubs.allows(hubId) && tenants.allows(tenant);
    }
}
