package org.partnerhub.onboarding.gateway.web;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.partnerhub.onboarding.gateway.AllowedOrigins;
import org.partnerhub.onboarding.gateway.GatewayConfig;
import org.partnerhub.onboarding.gateway.state.StateSigner;

import io.quarkus.runtime.StartupEvent;

/** Refuses to start on configuration that would only fail later, in a customer's popup. */
@Singleton
class StartupChecks {

    void onStart(@Observes StartupEvent event, GatewayConfig config, StateSigner signer) {
        // Injecting the signer builds it now, so a too-short state secret stops the start instead of the first flow.
        AllowedOrigins.check(config.allowedOrigins().orElse(List.of()));
    }
}
