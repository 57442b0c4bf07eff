package org.partnerhub.onboarding.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.gateway.state.StateSigner;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The local stack and sandboxes: a plain tenant parameter may stand in for the JWT. */
@QuarkusTest
@TestProfile(DevTenantParamTest.DevTenantParam.class)
class DevTenantParamTest {

    public static class DevTenantParam implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onboarding.gateway.dev-tenant-param", "true");
        }
    }

    @Inject
    StateSigner signer;

    @Test
    void theTenantParameterNamesTheTenant() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();

        String state = given().contentType(ContentType.JSON).body("{\"hub\": \"main\"}").queryParam("tenant", tenant)
                .when().post("/onboarding/sessions")
                .then().statusCode(200).extract().jsonPath().getString("state");

        assertThat(signer.verify(state).tenant()).isEqualTo(tenant);
    }

    @Test
    void theStartLinkTakesItToo() throws Exception {
        String location = given().redirects().follow(false).queryParam("hub", "main").queryParam("tenant", "t-7")
                .when().get("/onboarding/start")
                .then().statusCode(302).extract().header("Location");

        assertThat(location).contains("&partner=t-7");
    }

    @Test
    void aVerifiedTokenStillWinsOverTheParameter() throws Exception {
        String state = given().auth().oauth2(Flows.tokenFor("tenant-from-token"))
                .contentType(ContentType.JSON).body("{\"hub\": \"main\"}").queryParam("tenant", "tenant-from-param")
                .when().post("/onboarding/sessions")
                .then().statusCode(200).extract().jsonPath().getString("state");

        assertThat(signer.verify(state).tenant()).isEqualTo("tenant-from-token");
    }

    @Test
    void aBlankTenantIsRefused() {
        given().contentType(ContentType.JSON).body("{\"hub\": \"main\"}").queryParam("tenant", " ")
                .when().post("/onboarding/sessions")
                .then().statusCode(401);
    }
}
