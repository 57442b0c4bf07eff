package org.partnerhub.onboarding.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;
import org.partnerhub.onboarding.runtime.hubs.PaymentMode;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class HubsConfigTest {

    @Test
    void hubsComeFromPropertiesAndSecretsFromTheEnvironment() {
        HubsConfig hubs = config(
                Map.of("onboarding.hubs.main.partner-id", "pA1",
                        "onboarding.hubs.main.payment-mode", "partner",
                        "onboarding.hubs.main.webhook-header-name", "X-Partner-Token",
                        "onboarding.hubs.direct.partner-id", "pB2",
                        "onboarding.hubs.direct.payment-mode", "DIRECT",
                        "onboarding.hubs.direct.label", "Pay 360dialog yourself"),
                Map.of("ONBOARDING_HUBS_MAIN_WEBHOOK_SECRET", "s3cret",
                        "ONBOARDING_HUBS_MAIN_API_KEY", "partner-key",
                        "ONBOARDING_HUBS_MAIN_WEBHOOK_HEADER_VALUE", "static-token"));

        assertThat(hubs.hubs()).containsOnlyKeys("main", "direct");
        HubsConfig.Hub main = hubs.hub("main").orElseThrow();
        assertThat(main.partnerId()).isEqualTo("pA1");
        assertThat(main.paymentMode()).isEqualTo(PaymentMode.PARTNER);
        assertThat(main.webhookSecret()).contains("s3cret");
        assertThat(main.apiKey()).contains("partner-key");
        assertThat(main.webhookSecretPrevious()).isEmpty();
        assertThat(main.webhookHeaderName()).contains("X-Partner-Token");
        assertThat(main.webhookHeaderValue()).contains("static-token");
        assertThat(hubs.hub("direct").orElseThrow().webhookHeaderName()).isEmpty();
        assertThat(hubs.hub("direct").orElseThrow().paymentMode()).isEqualTo(PaymentMode.DIRECT);
        assertThat(hubs.hub("direct").orElseThrow().label()).contains("Pay 360dialog yourself");
        assertThat(hubs.hub("unknown")).isEmpty();
    }

    @Test
    void aHubWithoutPaymentModeIsAStartUpError() {
        assertThatThrownBy(() -> config(Map.of("onboarding.hubs.main.partner-id", "pA1"), Map.of()))
                .hasMessageContaining("onboarding.hubs.main.payment-mode");
    }

    private static HubsConfig config(Map<String, String> properties, Map<String, String> env) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withSources(new EnvConfigSource(env, 300))
                .withMapping(HubsConfig.class)
                .build();
        return config.getConfigMapping(HubsConfig.class);
    }
}
