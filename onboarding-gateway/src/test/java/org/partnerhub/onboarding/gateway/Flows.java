package org.partnerhub.onboarding.gateway;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

/** Starts flows the way a partner's frontend does: with a bearer token for the tenant. */
final class Flows {

    static final String NONCE_COOKIE = "onboarding_nonce";

    private Flows() {
    }

    /** A flow started through the API, with what the browser holds afterwards: the state and the nonce cookie. */
    record Started(String hub, String tenant, String state, String nonce) {
    }

    static String tokenFor(String tenant) {
        return Jwt.subject(tenant).sign();
    }

    static Response startSession(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/onboarding/sessions");
    }

    /** A flow for a tenant of its own, so that tests never see each other's records. */
    static Started start(String hub) {
        return start(hub, "tenant-" + UUID.randomUUID());
    }

    static Started start(String hub, String tenant) {
        Response response = startSession(tokenFor(tenant), "{\"hub\": \"" + hub + "\"}");
        response.then().statusCode(200);
        return new Started(hub, tenant, response.jsonPath().getString("state"), response.getCookie(NONCE_COOKIE));
    }
}
