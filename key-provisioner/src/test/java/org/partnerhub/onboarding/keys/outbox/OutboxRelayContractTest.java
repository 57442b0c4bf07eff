package org.partnerhub.onboarding.keys.outbox;

import org.partnerhub.onboarding.outbox.OutboxRelayContract;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The shared outbox relay's contract, on key-provisioner's schema and beans. */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@TestProfile(OutboxRelayContract.RelaysRunByTheTest.class)
class OutboxRelayContractTest extends OutboxRelayContract {
}
