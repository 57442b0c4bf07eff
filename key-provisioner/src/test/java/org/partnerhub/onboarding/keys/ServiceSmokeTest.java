package org.partnerhub.onboarding.keys;

import java.util.List;

import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;
import org.partnerhub.onboarding.testkit.ServiceSmokeContract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class ServiceSmokeTest extends ServiceSmokeContract {

    ServiceSmokeTest() {
        super("key-provisioner", List.of("Kafka", "PostgreSQL"), List.of("channel.api-keys", "channel.events.dlq"));
    }
}
