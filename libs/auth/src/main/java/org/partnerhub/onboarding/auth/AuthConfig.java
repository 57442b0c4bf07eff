package org.partnerhub.onboarding.auth;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * {@code onboarding.auth.credentials.<name>.*}: the callers of a service's internal API. Without any, every
 * endpoint that is not public answers 401. The token itself is never configured, only its SHA-256.
 */
@ConfigMapping(prefix = "onboarding.auth")
public interface AuthConfig {

    Map<String, CredentialConfig> credentials();

    interface CredentialConfig {

        /** 64 lowercase hex characters: the SHA-256 of the bearer token. */
        String tokenSha256();

        /** Hub ids the credential may see, or {@code *}. */
        List<String> hubs();

        /** Tenants the credential may see, or {@code *}. */
        List<String> tenants();

        /** {@code channels:read}, {@code keys:read}, {@code keys:retry}. */
        List<String> scopes();
    }
}
