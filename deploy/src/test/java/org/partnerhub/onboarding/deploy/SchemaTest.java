package org.partnerhub.onboarding.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** values.schema.json rejects values of the wrong type or shape before anything renders. */
class SchemaTest {

    /** A token's SHA-256 as the chart wants it: any 64 lowercase hex digits. */
    private static final String DIGEST = "ab".repeat(32);

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                Arguments.of("a number as a string", Map.of("gateway.replicaCount", "two")),
                Arguments.of("a string as a number", Map.of("kafka.bootstrapServers", 9092)),
                Arguments.of("a boolean as a string", Map.of("networkPolicy.enabled", "yes")),
                Arguments.of("a payment mode not offered", Map.of("hubs.main.paymentMode", "monthly")),
                Arguments.of("a hub id that cannot be an environment variable", Map.of("hubs.eu-main.partnerId", "p", "hubs.eu-main.paymentMode", "partner")),
                Arguments.of("a key id that cannot be an environment variable", Map.of("keyProvisioner.encryption.primary", "Key-1")),
                Arguments.of("an unknown value (a typo)", Map.of("gateway.replicas", 3)),
                Arguments.of("a security protocol Kafka does not know", Map.of("kafka.securityProtocol", "TLS")),
                Arguments.of("a list as a string", Map.of("channelState.allowedOrigins", "https://ops.example.com")),
                Arguments.of("an alert duration Prometheus cannot read",
                        Map.of("metrics.prometheusRule.consumerLag.for", "ten minutes")),
                Arguments.of("an alert threshold as a word", Map.of("metrics.prometheusRule.outboxBacklog.threshold", "many")),
                Arguments.of("an alert setting that does not exist (a typo)",
                        Map.of("metrics.prometheusRule.deadLetters.treshold", 5)),
                Arguments.of("a hub that authenticates its webhooks neither way",
                        Map.of("hubs.main.webhookSecret", "")),
                Arguments.of("a hub with only the static header's name",
                        Map.of("hubs.main.webhookSecret", "", "hubs.main.webhookHeaderName", "X-Hook-Token")),
                Arguments.of("a hub that says no to unsigned webhooks and has no secret",
                        Map.of("hubs.main.webhookSecret", "", "hubs.main.allowUnsignedWebhooks", false)),
                Arguments.of("a credential name that cannot be an environment variable",
                        Map.of("auth.credentials", List.of(credential("billing-team", DIGEST, "channels:read")))),
                Arguments.of("a token given instead of its SHA-256",
                        Map.of("auth.credentials", List.of(credential("billing", "fake-secret-token", "channels:read")))),
                Arguments.of("a digest in upper case",
                        Map.of("auth.credentials", List.of(credential("billing", DIGEST.toUpperCase(), "keys:read")))),
                Arguments.of("a scope the services do not know",
                        Map.of("auth.credentials", List.of(credential("billing", DIGEST, "keys:write")))),
                Arguments.of("a credential without scopes",
                        Map.of("auth.credentials", List.of(Map.of("name", "billing", "tokenSha256", DIGEST,
                                "hubs", List.of("*"), "tenants", List.of("*"), "scopes", List.of())))),
                Arguments.of("a credential without its tenants",
                        Map.of("auth.credentials", List.of(Map.of("name", "billing", "tokenSha256", DIGEST,
                                "hubs", List.of("*"), "scopes", List.of("keys:read"))))));
    }

    static Map<String, Object> credential(String name, String digest, String scope) {
        return Map.of("name", name, "tokenSha256", digest, "hubs", List.of("*"), "tenants", List.of("*"),
                "scopes", List.of(scope));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongValues")
    void rejects(String what, Map<String, Object> values) {
        Chart.render(Chart.values("minimal"));
        assertThatThrownBy(() -> Chart.render(Chart.values("minimal"), Chart.valuesFile(values)))
                .hasMessageContaining("schema");
    }
}
