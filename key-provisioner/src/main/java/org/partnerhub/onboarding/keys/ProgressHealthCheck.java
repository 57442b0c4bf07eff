package org.partnerhub.onboarding.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is down while a part of the service cannot make progress, up again with its next success. */
@Readiness
@ApplicationScoped
public class ProgressHealthCheck implements HealthCheck {

    @Inject
    Progress progress;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Key provisioning progress").up();
        progress.stalled().forEach((part, cause) -> response.down().withData(part, "stalled: " + cause));
        return response.build();
    }
}
