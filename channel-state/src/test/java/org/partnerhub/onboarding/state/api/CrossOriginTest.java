package org.partnerhub.onboarding.state.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The demo page (another origin) reads the query API from the browser; only configured origins may. */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class CrossOriginTest {

    private static final String DEMO_PAGE = "http://localhost:8080";

    private static Response preflight(String origin) {
        return given().header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/channels/x");
    }

    @Test
    void theConfiguredOriginMayReadWithItsBearerToken() {
        preflight(DEMO_PAGE).then().statusCode(200)
                .header("Access-Control-Allow-Origin", DEMO_PAGE)
                .header("Access-Control-Allow-Methods", "GET")
                .header("Access-Control-Allow-Headers", equalToIgnoringCase("authorization"))
                .header("Access-Control-Allow-Credentials", "false");
        given().header("Origin", DEMO_PAGE).header("Authorization", "Bearer fake-operator-token")
                .when().get("/channels/x").then().statusCode(404)
                .header("Access-Control-Allow-Origin", DEMO_PAGE);
    }

    @Test
    void anyOtherOriginIsRefused() {
        preflight("http://localhost:8081").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").header("Authorization", "Bearer fake-operator-token")
                .when().get("/channels/x").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
