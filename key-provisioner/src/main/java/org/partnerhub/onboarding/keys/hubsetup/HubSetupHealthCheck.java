package org.partnerhub.onboarding.keys.hubsetup;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;

/**
 * Reports hub setup under {@code /q/health/well}: visible to operators and alerts, but neither liveness nor readiness,
 * because keys can be provisioned and handed out while 360dialog's settings are off.
 */
@Wellness
@ApplicationScoped
public class HubSetupHealthCheck implements HealthCheck {

    @Inject
    HubSetup setup;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Hub setup").up();
        setup.outcomes().forEach((hubId, problem) -> {
            response.withData(hubId, problem.orElse("in line with configuration"));
            if (problem.isPresent()) {
                response.down();
            }
        });
        return response.build();
    }
}
