package org.partnerhub.onboarding.gateway.web;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.partnerhub.onboarding.gateway.AllowedOrigins;
import org.partnerhub.onboarding.gateway.GatewayConfig;
import org.partnerhub.onboarding.gateway.JwtSettings;
import org.partnerhub.onboarding.gateway.state.StateSigner;
import org.partnerhub.onboarding.hubapi.PartnerApi;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;

import io.quarkus.runtime.StartupEvent;

/** Refuses to start on configuration that would only fail later, in a customer's popup. */
@Singleton
class StartupChecks {

    void onStart(@Observes StartupEvent event, GatewayConfig config, StateSigner signer, Config mpConfig,
            HubsConfig hubs, PartnerApi partnerApi) {
        // Injecting the signer builds it now, so a too-short state secret stops the start instead of the first flow.
        AllowedOrigins.check(config.allowedOrigins().orElse(List.of()));
        JwtSettings.check(config.devTenantParam(), mpConfig.getOptionalValue(JwtSettings.ISSUER, String.class),
                mpConfig.getOptionalValues(JwtSettings.AUDIENCES, String.class).map(List::copyOf));
        // Every redirect asks its hub's Partner API: a hub without credentials would refuse every sign-up.
        hubs.hubs().keySet().forEach(partnerApi::hub);
    }
}
