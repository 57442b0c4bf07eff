package org.partnerhub.onboarding.state.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.auth.PublicEndpoint;
import org.partnerhub.onboarding.testkit.ClosedByDefaultContract;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
class ClosedByDefaultTest extends ClosedByDefaultContract {

    ClosedByDefaultTest() {
        super(PublicEndpoint.class);
    }

    @Test
    void anEndpointWithoutAScopeAdmitsNoCredentialAtAll() {
        given().header("Authorization", "Bearer fake-operator-token").get("/forgotten").then().statusCode(403)
                .body("error", containsString("declares no scope"));
    }

    @Test
    void healthMetricsAndOpenApiStayPublic() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
