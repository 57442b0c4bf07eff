package org.partnerhub.onboarding.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.lifecycle.ChannelRunning;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Credential {@code tenant1} may see hub main's tenant-1 only (test application.properties): another tenant's key
 * and claim answer exactly like a channel that has none; {@code reader} may read but not retry.
 */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@QuarkusTestResource(PartnerApiStub.class)
class KeyScopesTest extends ChannelEventsTest {

    private static final String OWN = "scoped-own";
    private static final String FOREIGN = "scoped-foreign";

    private static boolean provisioned;

    /** Once per class, but after Quarkus has pointed REST Assured at the application. */
    @BeforeEach
    void twoTenantsHaveKeys() {
        if (provisioned) {
            return;
        }
        for (var channel : Map.of(OWN, "tenant-1", FOREIGN, "tenant-9").entrySet()) {
            PartnerApiStub.stubCreated(channel.getKey());
            events.send(ofTenant(channel.getKey(), channel.getValue()));
        }
        apiKeyEvents.await(OWN, "provisioned");
        apiKeyEvents.await(FOREIGN, "provisioned");
        provisioned = true;
    }

    @Test
    void theClaimRecordsTheChannelsTenant() throws Exception {
        assertThat(TestDatabase.query("select tenant from key_claim where channel_id = ?", FOREIGN))
                .containsExactly("tenant-9");
    }

    @Test
    void aTenantsCredentialGetsItsOwnKeyAndNothingOfAnotherTenants() {
        as("fake-tenant1-token").get("/channels/{id}/api-key", OWN).then().statusCode(200)
                .body("apiKey", is("fake-secret-" + OWN));
        as("fake-tenant1-token").get("/channels/{id}/api-key", FOREIGN).then().statusCode(404)
                .body("error", is("channel " + FOREIGN + " has no key"));
        as("fake-tenant1-token").post("/channels/{id}/api-key/retry", FOREIGN).then().statusCode(404)
                .body("error", is("channel " + FOREIGN + " has no claim for a key"));
        // Its own claim is visible, so the answer says why it cannot be retried.
        as("fake-tenant1-token").post("/channels/{id}/api-key/retry", OWN).then().statusCode(409);
        as("fake-token-two").get("/channels/{id}/api-key", FOREIGN).then().statusCode(200);
    }

    @Test
    void aMissingScopeIs403AndNoTokenIs401() {
        as("fake-token-two").post("/channels/{id}/api-key/retry", OWN).then().statusCode(403)
                .body("error", containsString("keys:retry"));
        given().get("/channels/{id}/api-key", OWN).then().statusCode(401);
        as("fake-token-unknown").post("/channels/{id}/api-key/retry", OWN).then().statusCode(401);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** A running channel of the given tenant, as channel-state would publish it. */
    private static ChannelRunning ofTenant(String channelId, String tenant) {
        ChannelRunning running = ChannelEventsProducer.running(channelId, ChannelStage.RUNNING, 1);
        ChannelSnapshot s = running.snapshot();
        return new ChannelRunning(running.hubId(), channelId, running.version(), running.occurredAt(),
                new ChannelSnapshot(s.channelId(), s.hubId(), s.clientId(), tenant, s.phoneNumber(), s.status(),
                        s.stage(), s.accountMode(), s.permission(), s.apiKey(), s.version(), s.createdAt(),
                        s.updatedAt(), s.lastFactAt()));
    }
}
