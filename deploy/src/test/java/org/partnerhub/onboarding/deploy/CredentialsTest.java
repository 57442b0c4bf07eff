package org.partnerhub.onboarding.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;

/** auth.credentials reach channel-state and key-provisioner as onboarding.auth.credentials.<name>.*, and only them. */
class CredentialsTest {

    private static final String BILLING = "8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4";

    @Test
    void bothApisGetEveryCredentialAsDigestHubsTenantsAndScopes() {
        Chart.Rendered rendered = Chart.render(Chart.values("all-features"));

        for (String component : List.of("channel-state", "key-provisioner")) {
            assertThat(config(rendered, component)).as(component)
                    .containsEntry("ONBOARDING_AUTH_CREDENTIALS_BILLING_TOKEN_SHA256", BILLING)
                    .containsEntry("ONBOARDING_AUTH_CREDENTIALS_BILLING_HUBS", "*")
                    .containsEntry("ONBOARDING_AUTH_CREDENTIALS_BILLING_TENANTS", "*")
                    .containsEntry("ONBOARDING_AUTH_CREDENTIALS_BILLING_SCOPES", "channels:read")
                    .containsEntry("ONBOARDING_AUTH_CREDENTIALS_MESSAGING_HUBS", "main,direct2")
                    .containsEntry("ONBOARDING_AUTH_CREDENTIALS_MESSAGING_TENANTS", "tenant-a,tenant-b")
                    .containsEntry("ONBOARDING_AUTH_CREDENTIALS_MESSAGING_SCOPES", "keys:read,keys:retry")
                    .doesNotContainKeys("ONBOARDING_STATE_API_TOKENS", "ONBOARDING_KEYS_API_TOKENS");
        }
        for (String component : List.of("gateway", "webhook-ingest")) {
            assertThat(config(rendered, component).keySet()).as(component)
                    .noneSatisfy(name -> assertThat(name).startsWith("ONBOARDING_AUTH_CREDENTIALS_"));
        }
    }

    @Test
    void withoutCredentialsTheApisRenderAndStayClosed() {
        assertThat(config(Chart.render(Chart.values("minimal")), "channel-state").keySet())
                .noneSatisfy(name -> assertThat(name).startsWith("ONBOARDING_AUTH_CREDENTIALS_"));
    }

    @Test
    void aNameUsedTwiceIsRefused() {
        assertThatThrownBy(() -> Chart.render(Chart.values("minimal"), Chart.valuesFile(Map.of("auth.credentials",
                List.of(SchemaTest.credential("ops", BILLING, "keys:read"),
                        SchemaTest.credential("ops", "0".repeat(64), "channels:read"))))))
                .hasMessageContaining("auth.credentials: the name ops is used twice");
    }

    @Test
    void aHubThatIsNotConfiguredIsRefused() {
        assertThatThrownBy(() -> Chart.render(Chart.values("minimal"), Chart.valuesFile(Map.of("auth.credentials",
                List.of(Map.of("name", "ops", "tokenSha256", BILLING, "hubs", List.of("mian"),
                        "tenants", List.of("*"), "scopes", List.of("keys:read")))))))
                .hasMessageContaining("auth.credentials: ops names hub mian, which is not in hubs");
    }

    private static Map<String, String> config(Chart.Rendered rendered, String component) {
        return rendered.named(ConfigMap.class, ChartPolicyTest.name(component)).getData();
    }
}
