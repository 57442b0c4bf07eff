package org.partnerhub.onboarding.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Hands a Quarkus test the address of the JVM's real Kafka broker ({@code kafka.bootstrap.servers}). */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives a single test class: other classes in this JVM reuse it.
    }
}
