package org.partnerhub.onboarding.gateway;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The gateway's configuration for tests: two hubs and a state secret made up for this run, so no secret is ever
 * committed. JWTs: with no key configured, Quarkus' smallrye-jwt generates a throw-away RSA key pair in memory for
 * the test run and lets {@code Jwt...sign()} use it; a token signed with any other key must be refused.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String APP_ORIGIN = "https://app.test.invalid";
    public static final String HUB_UI = "https://hub.test.invalid";
    public static final String REDIRECT_URL = "https://gateway.test.invalid/onboarding/redirect";

    @Override
    public Map<String, String> start() {
        return Map.ofEntries(
                Map.entry("onboarding.gateway.state-secret", "test-only-" + UUID.randomUUID()),
                Map.entry("onboarding.gateway.allowed-origins", APP_ORIGIN),
                Map.entry("onboarding.gateway.return-url", APP_ORIGIN + "/settings"),
                Map.entry("onboarding.hub-ui.url", HUB_UI),
                Map.entry("onboarding.hubs.main.partner-id", "pMainPartner"),
                Map.entry("onboarding.hubs.main.payment-mode", "partner"),
                Map.entry("onboarding.hubs.main.label", "Connect WhatsApp"),
                Map.entry("onboarding.hubs.main.redirect-url", REDIRECT_URL),
                Map.entry("onboarding.hubs.direct.partner-id", "pDirectPartner"),
                Map.entry("onboarding.hubs.direct.payment-mode", "direct"));
    }

    @Override
    public void stop() {
        // Nothing to clean up: the configuration lives only in this test JVM.
    }
}
