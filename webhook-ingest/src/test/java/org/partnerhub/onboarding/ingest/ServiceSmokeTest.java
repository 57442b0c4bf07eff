package org.partnerhub.onboarding.ingest;

import java.util.List;

import org.partnerhub.onboarding.testkit.KafkaTestResource;
import org.partnerhub.onboarding.testkit.ServiceSmokeContract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ServiceSmokeTest extends ServiceSmokeContract {

    ServiceSmokeTest() {
        super("webhook-ingest", List.of("Kafka"), List.of("hub.webhooks"));
    }
}
