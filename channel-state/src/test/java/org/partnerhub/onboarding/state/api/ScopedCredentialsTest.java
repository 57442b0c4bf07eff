package org.partnerhub.onboarding.state.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.partnerhub.onboarding.state.ingest.Onboarding.PATIENCE;
import static org.partnerhub.onboarding.state.ingest.Onboarding.T0;
import static org.partnerhub.onboarding.state.ingest.Onboarding.authorized;
import static org.partnerhub.onboarding.state.ingest.Onboarding.channelOnceRunning;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.permission.ClientLinked;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.state.ingest.KafkaTopics;
import org.partnerhub.onboarding.state.ingest.Onboarding;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Two tenants' channels on hub {@code main}: a tenant's credential reads its own and nothing of the other's, not
 * even whether it exists (see the credentials in application.properties' %test profile).
 */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class ScopedCredentialsTest {

    private static final String CHANNEL_42 = "y9MiLoCH-scoped";
    private static final String CLIENT_42 = "oaY9LLfUCL-scoped";
    private static final String CHANNEL_7 = "ch-tenant7-scoped";
    private static final String CLIENT_7 = "cl-tenant7-scoped";

    private static boolean onboarded;

    /** Once per class, but after Quarkus has pointed REST Assured at the application. */
    @BeforeEach
    void twoTenantsOnboarded() {
        if (onboarded) {
            return;
        }
        KafkaTopics.publish(Onboarding.onboarding("-scoped"));
        KafkaTopics.publish(List.of(new ClientLinked("main", CLIENT_7, "tenant-7", T0, "nonce-tenant7"),
                new PermissionGranted("main", CLIENT_7, CHANNEL_7, "tenant-7", "redirect", T0, "nonce-tenant7",
                        Verification.CONFIRMED)));
        channelOnceRunning(CHANNEL_42);
        await().atMost(PATIENCE).untilAsserted(() -> authorized().get("/channels/" + CHANNEL_7).then()
                .statusCode(200).body("tenant", equalTo("tenant-7")));
        onboarded = true;
    }

    @Test
    void aTenantsCredentialReadsItsOwnChannelClientAndHistory() {
        as("fake-tenant42-token").get("/channels/" + CHANNEL_42).then().statusCode(200)
                .body("tenant", equalTo("tenant-42"));
        as("fake-tenant42-token").get("/channels/" + CHANNEL_42 + "/history").then().statusCode(200);
        as("fake-tenant42-token").get("/clients/" + CLIENT_42).then().statusCode(200);
        as("fake-tenant7-token").get("/channels/" + CHANNEL_7).then().statusCode(200);
        as("fake-tenant7-token").get("/clients/" + CLIENT_7).then().statusCode(200);
    }

    @Test
    void anotherTenantsChannelAnswersLikeAnUnknownOne() {
        String unknown = as("fake-tenant42-token").get("/channels/no-such-channel").then().statusCode(404)
                .extract().path("error");
        as("fake-tenant42-token").get("/channels/" + CHANNEL_7).then().statusCode(404)
                .body("error", equalTo(unknown.replace("no-such-channel", CHANNEL_7)));
        as("fake-tenant42-token").get("/channels/" + CHANNEL_7 + "/history").then().statusCode(404);
        as("fake-tenant42-token").get("/clients/" + CLIENT_7).then().statusCode(404);
        as("fake-tenant7-token").get("/channels/" + CHANNEL_42).then().statusCode(404);
        as("fake-tenant7-token").get("/clients/" + CLIENT_42).then().statusCode(404);
    }

    @Test
    void aCredentialForAnotherHubSeesNothingOfThisOne() {
        as("fake-partnerhub-token").get("/channels/" + CHANNEL_42).then().statusCode(404);
        as("fake-partnerhub-token").get("/clients/" + CLIENT_42).then().statusCode(404);
        as("fake-partnerhub-token").queryParam("hub", "main").get("/channels").then().statusCode(200)
                .body("items.channelId", not(hasItem(CHANNEL_42)));
    }

    @Test
    void listingsHoldOnlyWhatTheCredentialMaySee() {
        as("fake-tenant42-token").queryParam("limit", "500").get("/channels").then().statusCode(200)
                .body("items.channelId", hasItem(CHANNEL_42))
                .body("items.channelId", not(hasItem(CHANNEL_7)))
                .body("items.tenant", not(hasItem(not(equalTo("tenant-42")))));
        as("fake-tenant42-token").queryParam("tenant", "tenant-7").get("/channels").then().statusCode(200)
                .body("items.size()", equalTo(0));
        as("fake-tenant7-token").queryParam("limit", "500").get("/channels").then().statusCode(200)
                .body("items.channelId", hasItem(CHANNEL_7))
                .body("items.channelId", not(hasItem(CHANNEL_42)));
        authorized().queryParam("limit", "500").get("/channels").then().statusCode(200)
                .body("items.channelId", hasItem(CHANNEL_42))
                .body("items.channelId", hasItem(CHANNEL_7));
    }

    @Test
    void aCredentialWithoutChannelsReadIsForbiddenAndNoTokenIsUnauthorized() {
        as("fake-keysonly-token").get("/channels/" + CHANNEL_42).then().statusCode(403)
                .body("error", containsString("channels:read"));
        as("fake-keysonly-token").get("/clients/" + CLIENT_42).then().statusCode(403);
        given().get("/channels").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("error", containsString("bearer token"));
        as("fake-unknown-token").get("/channels").then().statusCode(401);
        // The digest is what is configured; it is not a token.
        as("abac3f8f03976fbcc4c9a5ba5575d058a2fcbcaac63054b03e3295d96abdd479").get("/channels").then()
                .statusCode(401);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
