package org.partnerhub.onboarding.keys;

import org.partnerhub.onboarding.auth.PublicEndpoint;
import org.partnerhub.onboarding.testkit.ClosedByDefaultContract;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@QuarkusTestResource(PartnerApiStub.class)
class ClosedByDefaultTest extends ClosedByDefaultContract {

    ClosedByDefaultTest() {
        super(PublicEndpoint.class);
    }
}
