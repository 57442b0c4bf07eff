package org.partnerhub.onboarding.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** A partner with a platform secret: its permission page opens only for a fresh, valid, unused IO Signature. */
@QuarkusTest
class IoSignatureTest {

    private static final String PAGE = "/dashboard/app/sig1/permissions";
    private static final String SECRET = "fake-platform-secret-sig1";

    @Test
    void aFreshValidSignatureOpensThePageOnce() {
        long now = Instant.now().getEpochSecond();
        String signature = Signature.io(SECRET, "sig1", now);

        link().queryParam("signature", signature).queryParam("timestamp", now)
                .when().get(PAGE).then().statusCode(200).body(containsString("Create your 360dialog account"));
        link().queryParam("signature", signature).queryParam("timestamp", now)
                .when().get(PAGE).then().statusCode(403).body(containsString("already used"));
    }

    @Test
    void anUnsignedLinkIsRefused() {
        link().when().get(PAGE).then().statusCode(403).body(containsString("not signed"));
    }

    @Test
    void aSignatureWithAnotherSecretOrForAnotherPartnerIsRefused() {
        long now = Instant.now().getEpochSecond();

        link().queryParam("signature", Signature.io("some-other-secret", "sig1", now)).queryParam("timestamp", now)
                .when().get(PAGE).then().statusCode(403).body(containsString("not valid"));
        link().queryParam("signature", Signature.io(SECRET, "pp1", now)).queryParam("timestamp", now)
                .when().get(PAGE).then().statusCode(403).body(containsString("not valid"));
        link().queryParam("signature", Signature.io(SECRET, "sig1", now)).queryParam("timestamp", now + 1)
                .when().get(PAGE).then().statusCode(403).body(containsString("not valid"));
    }

    @Test
    void aSignatureOlderThanFiveMinutesIsRefused() {
        long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();

        link().queryParam("signature", Signature.io(SECRET, "sig1", sixMinutesAgo))
                .queryParam("timestamp", sixMinutesAgo)
                .when().get(PAGE).then().statusCode(403).body(containsString("expired"));
    }

    @Test
    void partnersWithoutPlatformSecretNeedNoSignature() {
        link().when().get("/dashboard/app/pp1/permissions").then().statusCode(200);
    }

    private static RequestSpecification link() {
        return given().queryParam("redirect_url", Sandbox.REDIRECT);
    }
}
