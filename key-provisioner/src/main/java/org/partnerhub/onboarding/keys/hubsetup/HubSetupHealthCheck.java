package org.partnerhub.onboarding.keys.hubsetup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;

/**
 * Reports hub setup under {@code /q/health/well}: visible to operators and alerts, but neither liveness nor readiness,
 * because keys can be provisioned and handed out while 360dialog's settings are off. A replica waiting for another
 * one's setup of a hub reports it in progress, and up.
 */
@Wellness
@ApplicationScoped
public class HubSetupHealthCheck implements HealthCheck {

    @Inject
    HubSetup setup;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Hub setup").up();
        setup.outcomes().forEach((hubId, outcome) -> {
            switch (outcome) {
                case SetupOutcome.InProgress inProgress -> response.withData(hubId, "in progress");
                case SetupOutcome.Aligned aligned -> response.withData(hubId, "in line with configuration");
                case SetupOutcome.Failed failed -> response.withData(hubId, failed.reason()).down();
            }
        });
        return response.build();
    }
}
