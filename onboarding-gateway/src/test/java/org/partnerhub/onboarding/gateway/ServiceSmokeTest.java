package org.partnerhub.onboarding.gateway;

import java.util.List;

import org.partnerhub.onboarding.testkit.KafkaTestResource;
import org.partnerhub.onboarding.testkit.ServiceSmokeContract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class ServiceSmokeTest extends ServiceSmokeContract {

    ServiceSmokeTest() {
        super("onboarding-gateway", List.of("Kafka"), List.of("onboarding.permissions"));
    }
}
