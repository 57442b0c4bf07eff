package org.partnerhub.onboarding.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Which hubs the intake takes: each must authenticate its webhooks, unless it explicitly allows unsigned ones. */
class WebhookHubsTest {

    @Test
    void aHubWithNeitherSecretNorStaticHeaderIsRefusedNamingTheHubAndTheKeysToSet() {
        HubsConfig config = hubs(Map.of());

        assertThatThrownBy(() -> WebhookHubs.from(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub open ")
                .hasMessageContaining("onboarding.hubs.open.webhook-secret")
                .hasMessageContaining(".webhook-header-name and .webhook-header-value")
                .hasMessageContaining(".allow-unsigned-webhooks=true");
    }

    @Test
    void aHubThatAllowsUnsignedWebhooksIsTakenAndAcceptsThemUnsigned() {
        WebhookHubs hubs = WebhookHubs.from(hubs(Map.of("onboarding.hubs.open.allow-unsigned-webhooks", "true")));

        WebhookHub open = hubs.get("open").orElseThrow();
        assertThat(open.signature()).isEmpty();
        assertThat(open.staticHeader()).isEmpty();
    }

    @Test
    void aSecretOrAStaticHeaderEachAuthenticatesAHub() {
        assertThat(WebhookHubs.from(hubs(Map.of("onboarding.hubs.open.webhook-secret", "s1")))
                .get("open").orElseThrow().signature()).isPresent();
        assertThat(WebhookHubs.from(hubs(Map.of(
                "onboarding.hubs.open.webhook-header-name", "X-Token",
                "onboarding.hubs.open.webhook-header-value", "t0k"))).get("open").orElseThrow().staticHeader())
                .isPresent();
    }

    @Test
    void halfAStaticHeaderIsRefused() {
        assertThatThrownBy(() -> WebhookHubs.from(hubs(Map.of("onboarding.hubs.open.webhook-header-name", "X-Token",
                "onboarding.hubs.open.allow-unsigned-webhooks", "true"))))
                .hasMessageContaining("set both onboarding.hubs.open.webhook-header-name and .webhook-header-value");
    }

    private static HubsConfig hubs(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "onboarding.hubs.open.partner-id", "pOpen",
                "onboarding.hubs.open.payment-mode", "partner"));
        properties.putAll(extra);
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(HubsConfig.class)
                .build()
                .getConfigMapping(HubsConfig.class);
    }
}
