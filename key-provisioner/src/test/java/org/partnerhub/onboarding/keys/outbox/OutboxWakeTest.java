package org.partnerhub.onboarding.keys.outbox;

import org.partnerhub.onboarding.outbox.OutboxWakeContract;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** key-provisioner commits its events in ClaimLedger's transactions; only their commit can wake the relay. */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@TestProfile(OutboxWakeContract.PollingOnlyHourly.class)
class OutboxWakeTest extends OutboxWakeContract {
}
