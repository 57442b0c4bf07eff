package org.partnerhub.onboarding.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.testkit.KafkaTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What a partner's frontend loads and calls from its own origin. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class FrontendTest {

    @Test
    void servesTheConnectScript() {
        given().when().get("/onboarding/connect.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("OnboardingGateway = {connect: connect}"));
    }

    @Test
    void servesTheDemoPageThatUsesIt() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<script src=\"onboarding/connect.js\"></script>"))
                .body(containsString("fetch('onboarding/hubs')"));
    }

    @Test
    void letsAnAllowedOriginStartASessionWithItsCookie() {
        given().header("Origin", GatewayTestResource.APP_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/onboarding/sessions")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", is(GatewayTestResource.APP_ORIGIN))
                .header("Access-Control-Allow-Credentials", is("true"));
    }

    @Test
    void doesNotLetAnyOtherOriginDoSo() {
        given().header("Origin", "https://evil.test.invalid")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/onboarding/sessions")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
