package org.partnerhub.onboarding.ingest;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Three hubs for the tests: {@code main} signs and is mid-rotation, {@code guarded} also sends a static header,
 * {@code open} has no secret and explicitly allows unsigned webhooks. The secrets are random per run, so none is committed; tests read them from the config.
 */
public class TestHubs implements QuarkusTestResourceLifecycleManager {

    static final String STATIC_HEADER = "X-Partner-Token";

    @Override
    public Map<String, String> start() {
        return Map.ofEntries(
                Map.entry("onboarding.hubs.main.partner-id", "pMain"),
                Map.entry("onboarding.hubs.main.payment-mode", "partner"),
                Map.entry("onboarding.hubs.main.webhook-secret", random()),
                Map.entry("onboarding.hubs.main.webhook-secret-previous", random()),
                Map.entry("onboarding.hubs.guarded.partner-id", "pGuarded"),
                Map.entry("onboarding.hubs.guarded.payment-mode", "direct"),
                Map.entry("onboarding.hubs.guarded.webhook-secret", random()),
                Map.entry("onboarding.hubs.guarded.webhook-header-name", STATIC_HEADER),
                Map.entry("onboarding.hubs.guarded.webhook-header-value", random()),
                Map.entry("onboarding.hubs.open.partner-id", "pOpen"),
                Map.entry("onboarding.hubs.open.payment-mode", "partner"),
                Map.entry("onboarding.hubs.open.allow-unsigned-webhooks", "true"));
    }

    @Override
    public void stop() {
        // Nothing to stop: configuration only.
    }

    private static String random() {
        return UUID.randomUUID().toString();
    }
}
