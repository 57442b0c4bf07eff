package org.partnerhub.onboarding.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Secrets: never in a ConfigMap or a plain env value, each from a value or an existing Secret, required ones enforced. */
class SecretsTest {

    @Test
    void secretValuesAreOnlyInSecretsNeverInConfigMapsOrPlainEnvironment() {
        Chart.Rendered rendered = Chart.render(Chart.values("all-features"));
        Set<String> secretValues = rendered.all(Secret.class).stream()
                .flatMap(s -> s.getData().values().stream())
                .map(v -> new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8))
                .collect(Collectors.toSet());
        assertThat(secretValues).as("the values file's secrets went into the chart's Secrets")
                .contains("fake-secret-state", "fake-secret-webhook-main", "fake-secret-api-key-main",
                        "fake-secret-db-channel-state", "fake-secret-io-signature-main",
                        "fake-secret-password-direct2", "ZmFrZS1zZWNyZXQta2VrLWsyLTAwMDAwMDAwMDAwMDA=");

        List<String> plainValues = Stream.concat(
                rendered.all(ConfigMap.class).stream().flatMap(c -> c.getData().values().stream()),
                rendered.all(Deployment.class).stream()
                        .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                        .flatMap(c -> c.getEnv().stream()).map(EnvVar::getValue).filter(v -> v != null))
                .toList();
        assertThat(plainValues).isNotEmpty();
        for (String secret : secretValues) {
            assertThat(plainValues).noneSatisfy(plain -> assertThat(plain).contains(secret));
        }
    }

    @Test
    void eachServiceGetsOnlyTheSecretsItUses() {
        Chart.Rendered rendered = Chart.render(Chart.values("all-features"));
        assertThat(secretEnv(rendered, "gateway")).containsOnlyKeys(
                "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_PASSWORD", "KAFKA_SSL_KEYSTORE_PASSWORD",
                "ONBOARDING_GATEWAY_STATE_SECRET", "ONBOARDING_GATEWAY_STATE_SECRET_PREVIOUS",
                "ONBOARDING_HUBS_MAIN_IO_SIGNATURE_SECRET");
        assertThat(secretEnv(rendered, "webhook-ingest")).containsOnlyKeys(
                "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_PASSWORD", "KAFKA_SSL_KEYSTORE_PASSWORD",
                "ONBOARDING_HUBS_MAIN_WEBHOOK_SECRET", "ONBOARDING_HUBS_MAIN_WEBHOOK_SECRET_PREVIOUS",
                "ONBOARDING_HUBS_MAIN_WEBHOOK_HEADER_VALUE", "ONBOARDING_HUBS_DIRECT2_WEBHOOK_SECRET");
        assertThat(secretEnv(rendered, "channel-state")).containsOnlyKeys(
                "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_PASSWORD", "KAFKA_SSL_KEYSTORE_PASSWORD",
                "QUARKUS_DATASOURCE_PASSWORD",
                "ONBOARDING_HUBS_MAIN_API_KEY", "ONBOARDING_HUBS_DIRECT2_USERNAME", "ONBOARDING_HUBS_DIRECT2_PASSWORD");
        assertThat(secretEnv(rendered, "key-provisioner")).containsKeys(
                "QUARKUS_DATASOURCE_PASSWORD",
                "ONBOARDING_KEYS_ENCRYPTION_KEYS_K1", "ONBOARDING_KEYS_ENCRYPTION_KEYS_K2",
                "ONBOARDING_HUBS_MAIN_API_KEY", "ONBOARDING_HUBS_MAIN_WEBHOOK_HEADER_VALUE")
                .doesNotContainKeys("ONBOARDING_GATEWAY_STATE_SECRET", "ONBOARDING_HUBS_MAIN_IO_SIGNATURE_SECRET");
    }

    @Test
    void existingSecretsAreReferencedAndTheChartRendersNoSecretOfItsOwn() {
        Chart.Rendered rendered = Chart.render(Chart.values("existing-secrets"));
        assertThat(rendered.all(Secret.class)).isEmpty();

        assertThat(secretEnv(rendered, "gateway"))
                .containsEntry("KAFKA_SASL_JAAS_CONFIG", "onboarding-kafka-user/sasl.jaas.config")
                .containsEntry("ONBOARDING_GATEWAY_STATE_SECRET", "onboarding-gateway/state-secret")
                .containsEntry("ONBOARDING_HUBS_MAIN_IO_SIGNATURE_SECRET", "onboarding-hub-main/io-signature-secret");
        assertThat(secretEnv(rendered, "webhook-ingest"))
                .containsEntry("ONBOARDING_HUBS_MAIN_WEBHOOK_SECRET", "onboarding-hub-main/webhook-secret");
        assertThat(secretEnv(rendered, "channel-state"))
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "channel-state-db-app/password")
                .containsEntry("ONBOARDING_HUBS_MAIN_API_KEY", "onboarding-hub-main/api-key");
        assertThat(secretEnv(rendered, "key-provisioner"))
                .containsEntry("ONBOARDING_KEYS_ENCRYPTION_KEYS_K1", "onboarding-kek/k1")
                .containsEntry("ONBOARDING_KEYS_ENCRYPTION_KEYS_K2", "onboarding-kek/k2");

        SecretKeySelector stateSecret = env(rendered, "gateway").stream()
                .filter(e -> e.getName().equals("ONBOARDING_GATEWAY_STATE_SECRET")).findFirst().orElseThrow()
                .getValueFrom().getSecretKeyRef();
        assertThat(stateSecret.getOptional()).as("a required secret's key must exist").isNull();
        var jwt = Chart.render(Chart.values("existing-secrets")).named(Deployment.class, ChartPolicyTest.name("gateway"))
                .getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getConfigMap() != null).findFirst().orElseThrow().getConfigMap();
        assertThat(jwt.getName()).isEqualTo("partner-jwt");
        assertThat(jwt.getItems()).singleElement().satisfies(i -> assertThat(i.getKey()).isEqualTo("jwks.json"));
    }

    static Stream<Arguments> requiredValues() {
        return Stream.of(
                required("kafka.bootstrapServers", Map.of("kafka.bootstrapServers", "")),
                required("kafka.sasl.jaasConfig", Map.of("kafka.sasl.mechanism", "SCRAM-SHA-512")),
                required("hubs.main.partnerId", Map.of("hubs.main.partnerId", "")),
                required("hubs.main.apiKey", Map.of("hubs.main.apiKey", "")),
                required("hubs.main.password", Map.of("hubs.main.apiKey", "", "hubs.main.username", "fake-user")),
                required("gateway.auth.stateSecret", Map.of("gateway.auth.stateSecret", "")),
                required("gateway.jwt.publicKeyLocation, gateway.jwt.publicKey or gateway.jwt.existingConfigMap", Map.of("gateway.jwt.publicKeyLocation", "")),
                required("channelState.database.host", Map.of("channelState.database.host", "")),
                required("channelState.database.username", Map.of("channelState.database.username", "")),
                required("channelState.database.password", Map.of("channelState.database.password", "")),
                required("keyProvisioner.database.password", Map.of("keyProvisioner.database.password", "")),
                required("keyProvisioner.encryption.primary", Map.of("keyProvisioner.encryption.primary", "")),
                required("keyProvisioner.encryption.keys.k2", Map.of("keyProvisioner.encryption.primary", "k2")),
                required("topics.strimzi.clusterName", Map.of("topics.strimzi.enabled", true)));
    }

    private static Arguments required(String named, Map<String, Object> override) {
        return Arguments.of(named, new LinkedHashMap<>(override));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredValues")
    void renderingFailsNamingTheMissingRequiredValue(String named, Map<String, Object> override) {
        Chart.render(Chart.values("minimal"));
        assertThatThrownBy(() -> Chart.render(Chart.values("minimal"), Chart.valuesFile(override)))
                .hasMessageContaining(named + " ");
    }

    @Test
    void theChartDefaultsAloneDoNotRender() {
        assertThatThrownBy(() -> Chart.render()).hasMessageContaining("is required");
    }

    @Test
    void aHubAuthenticatedByHeaderNeedsNoWebhookSecret() {
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"), Chart.valuesFile(Map.of(
                "hubs.main.webhookSecret", "", "hubs.main.webhookHeaderName", "X-Hook-Token",
                "hubs.main.webhookHeaderValue", "fake-secret-header")));
        assertThat(secretEnv(rendered, "webhook-ingest")).containsOnlyKeys("ONBOARDING_HUBS_MAIN_WEBHOOK_HEADER_VALUE");
    }

    @Test
    void aHubThatAllowsUnsignedWebhooksRendersWithoutSecretAndSaysSo() {
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"), Chart.valuesFile(Map.of(
                "hubs.main.webhookSecret", "", "hubs.main.allowUnsignedWebhooks", true,
                "hubs.main.statelessRedirects", true)));

        assertThat(secretEnv(rendered, "webhook-ingest")).isEmpty();
        assertThat(rendered.named(ConfigMap.class, ChartPolicyTest.name("webhook-ingest")).getData())
                .containsEntry("ONBOARDING_HUBS_MAIN_ALLOW_UNSIGNED_WEBHOOKS", "true");
        assertThat(rendered.named(ConfigMap.class, ChartPolicyTest.name("gateway")).getData())
                .containsEntry("ONBOARDING_HUBS_MAIN_STATELESS_REDIRECTS", "true");
        assertThat(Chart.render(Chart.values("minimal")).named(ConfigMap.class, ChartPolicyTest.name("webhook-ingest"))
                .getData()).as("off unless asked for")
                .doesNotContainKeys("ONBOARDING_HUBS_MAIN_ALLOW_UNSIGNED_WEBHOOKS", "ONBOARDING_HUBS_MAIN_STATELESS_REDIRECTS");
    }

    @Test
    void aHubsMessagingWebhookUrlReachesKeyProvisionerAsPlainConfiguration() {
        String template = "https://partner.example.com/wa/{tenant}/{channelId}";
        Chart.Rendered rendered = Chart.render(Chart.values("minimal"), Chart.valuesFile(Map.of(
                "hubs.main.messagingWebhookUrl", template)));

        assertThat(rendered.named(ConfigMap.class, ChartPolicyTest.name("key-provisioner")).getData())
                .containsEntry("ONBOARDING_HUBS_MAIN_MESSAGING_WEBHOOK_URL", template);
        assertThat(Chart.render(Chart.values("minimal")).named(ConfigMap.class,
                ChartPolicyTest.name("key-provisioner")).getData()).as("none unless asked for")
                .doesNotContainKey("ONBOARDING_HUBS_MAIN_MESSAGING_WEBHOOK_URL");
    }

    private static List<EnvVar> env(Chart.Rendered rendered, String component) {
        return rendered.named(Deployment.class, ChartPolicyTest.name(component))
                .getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    }

    /** Secret environment variables of a service: name -> "secret/key". */
    private static Map<String, String> secretEnv(Chart.Rendered rendered, String component) {
        return env(rendered, component).stream()
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .collect(Collectors.toMap(EnvVar::getName, e -> e.getValueFrom().getSecretKeyRef().getName()
                        + "/" + e.getValueFrom().getSecretKeyRef().getKey()));
    }
}
