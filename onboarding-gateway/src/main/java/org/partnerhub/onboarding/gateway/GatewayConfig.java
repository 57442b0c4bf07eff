package org.partnerhub.onboarding.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's own settings, {@code onboarding.gateway.*}; the key names are shared with the Helm chart. */
@ConfigMapping(prefix = "onboarding.gateway")
public interface GatewayConfig {

    /** HMAC secret of the flow state; a secret, so it comes from the environment. */
    String stateSecret();

    /** The secret before the last rotation: states it signed stay valid until they expire. */
    Optional<String> stateSecretPrevious();

    @WithDefault("30M")
    Duration stateTtl();

    /** The JWT claim holding the tenant, the partner's own reference for its customer. */
    @WithDefault("sub")
    String tenantClaim();

    /** Lets a plain {@code tenant} parameter stand in for a JWT: for the local stack and sandboxes only. */
    @WithDefault("false")
    boolean devTenantParam();

    /** Origins the redirect page hands the result to, besides the gateway's own. */
    Optional<List<String>> allowedOrigins();

    /** The link the redirect page shows when it was not opened as a popup. */
    Optional<String> returnUrl();

    /** How long a redirect waits for the Partner API to confirm its client and channels before it answers 503. */
    @WithDefault("8s")
    Duration verifyTimeout();

    /** How long a redirect waits for the broker to acknowledge its records before it answers 503. */
    @WithDefault("5s")
    Duration publishTimeout();
}
