package org.partnerhub.onboarding.state;

import java.util.List;

import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;
import org.partnerhub.onboarding.testkit.ServiceSmokeContract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class ServiceSmokeTest extends ServiceSmokeContract {

    ServiceSmokeTest() {
        super("channel-state", List.of("Kafka", "PostgreSQL"), List.of("channel.state", "channel.events", "hub.webhooks.dlq"));
    }
}
