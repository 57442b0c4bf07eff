package org.partnerhub.onboarding.gateway;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The gateway's configuration for tests: two hubs and secrets made up for this run, so no secret is ever committed.
 * {@code main} refuses redirects without state; {@code direct} accepts them and signs its permission URLs (IO
 * Signature). JWTs: with no key configured, Quarkus' smallrye-jwt generates a throw-away RSA key pair in memory for
 * the test run and lets {@code Jwt...sign()} use it, with this issuer and audience unless a test sets others; a token
 * signed with any other key, or of another issuer or audience, must be refused.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String APP_ORIGIN = "https://app.test.invalid";
    public static final String HUB_UI = "https://hub.test.invalid";
    public static final String REDIRECT_URL = "https://gateway.test.invalid/onboarding/redirect";
    public static final String MAIN_PARTNER = "pMainPartner";
    public static final String DIRECT_PARTNER = "pDirectPartner";
    public static final String JWT_ISSUER = "https://idp.test.invalid";
    public static final String JWT_AUDIENCE = "onboarding-gateway";
    /** Made up per run; tests read it back from the configuration to check the gateway's signatures. */
    public static final String IO_SIGNATURE_SECRET_KEY = "onboarding.hubs.direct.io-signature-secret";

    @Override
    public Map<String, String> start() {
        return Map.ofEntries(
                Map.entry("onboarding.gateway.state-secret", "test-only-" + UUID.randomUUID()),
                Map.entry("onboarding.gateway.allowed-origins", APP_ORIGIN),
                Map.entry("onboarding.gateway.return-url", APP_ORIGIN + "/settings"),
                Map.entry("onboarding.hub-ui.url", HUB_UI),
                Map.entry("mp.jwt.verify.issuer", JWT_ISSUER),
                Map.entry("mp.jwt.verify.audiences", JWT_AUDIENCE),
                Map.entry("smallrye.jwt.new-token.issuer", JWT_ISSUER),
                Map.entry("smallrye.jwt.new-token.audience", JWT_AUDIENCE),
                Map.entry("onboarding.hubs.main.partner-id", MAIN_PARTNER),
                Map.entry("onboarding.hubs.main.api-key", "test-only-" + UUID.randomUUID()),
                Map.entry("onboarding.hubs.main.payment-mode", "partner"),
                Map.entry("onboarding.hubs.main.label", "Connect WhatsApp"),
                Map.entry("onboarding.hubs.main.redirect-url", REDIRECT_URL),
                Map.entry("onboarding.hubs.direct.partner-id", DIRECT_PARTNER),
                Map.entry("onboarding.hubs.direct.payment-mode", "direct"),
                Map.entry("onboarding.hubs.direct.api-key", "test-only-" + UUID.randomUUID()),
                Map.entry("onboarding.hubs.direct.stateless-redirects", "true"),
                Map.entry(IO_SIGNATURE_SECRET_KEY, "test-only-" + UUID.randomUUID()),
                Map.entry("onboarding.hub-api.timeout", "2s"),
                Map.entry("onboarding.gateway.verify-timeout", "4s"));
    }

    @Override
    public void stop() {
        // Nothing to clean up: the configuration lives only in this test JVM.
    }
}
