package org.partnerhub.onboarding.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** values.schema.json rejects values of the wrong type or shape before anything renders. */
class SchemaTest {

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
                Arguments.of("a list as a string", Map.of("channelState.auth.apiTokens", "fake-secret-token")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongValues")
    void rejects(String what, Map<String, Object> values) {
        Chart.render(Chart.values("minimal"));
        assertThatThrownBy(() -> Chart.render(Chart.values("minimal"), Chart.valuesFile(values)))
                .hasMessageContaining("schema");
    }
}
