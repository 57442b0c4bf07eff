package org.partnerhub.onboarding.state.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The page is public (it holds no data); without key-provisioner's URL the retry is not offered. */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class ConsolePageTest {

    @Test
    void thePageAndItsScriptAreServedWithoutACredential() {
        given().redirects().follow(true).get("/console").then().statusCode(200)
                .body(containsString("<title>Onboarding console</title>"));
        given().get("/console/").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/console/console.js").then().statusCode(200).body(containsString("sessionStorage"));
    }

    @Test
    void withoutKeyProvisionerTheRetryAnswers501AndIsNotOffered() {
        given().header("Authorization", "Bearer fake-retrier-token").get("/console/api/settings").then()
                .statusCode(200).body("canRetry", equalTo(false)).body("retryConfigured", equalTo(false));
        given().header("Authorization", "Bearer fake-retrier-token")
                .post("/console/api/channels/any-channel/api-key/retry").then().statusCode(501)
                .body("error", containsString("onboarding.console.key-provisioner.url"));
    }
}
