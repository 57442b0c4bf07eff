package org.partnerhub.onboarding.gateway.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.partnerhub.onboarding.gateway.GatewayConfig;
import org.partnerhub.onboarding.gateway.state.StateSigner;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;

/** The one {@link StateSigner}, built from configuration; a too-short secret stops the service at start-up. */
@Singleton
public class StateSignerProducer {

    @Produces
    @Singleton
    StateSigner stateSigner(GatewayConfig config, HubsConfig hubs) {
        List<String> secrets = new ArrayList<>();
        secrets.add(config.stateSecret());
        config.stateSecretPrevious().ifPresent(secrets::add);
        return new StateSigner(secrets, config.stateTtl(), hubs.hubs().keySet(), Clock.systemUTC());
    }
}
