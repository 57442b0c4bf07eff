package org.partnerhub.onboarding.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.gateway.state.FlowState;
import org.partnerhub.onboarding.gateway.state.StateSigner;
import org.partnerhub.onboarding.testkit.KafkaTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class StartTest {

    private static final String PERMISSIONS_PAGE = GatewayTestResource.HUB_UI + "/dashboard/app/pMainPartner/permissions";

    @Inject
    StateSigner signer;

    @Test
    void listsOneButtonPerHub() {
        List<Map<String, String>> hubs = given().when().get("/onboarding/hubs")
                .then().statusCode(200).extract().jsonPath().getList("$");

        assertThat(hubs).containsExactly(
                Map.of("id", "direct", "label", "direct", "paymentMode", "direct"),
                Map.of("id", "main", "label", "Connect WhatsApp", "paymentMode", "partner"));
    }

    @Test
    void aSessionPointsAtThePermissionPageWithASignedStateForTheTokensTenant() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();

        Response response = Flows.startSession(Flows.tokenFor(tenant), """
                {"hub": "main", "email": "ops@example.com", "plan": "premium", "login": true}""");

        response.then().statusCode(200).contentType(ContentType.JSON);
        String state = response.jsonPath().getString("state");
        FlowState flow = signer.verify(state);
        assertThat(flow.hubId()).isEqualTo("main");
        assertThat(flow.tenant()).isEqualTo(tenant);
        assertThat(Instant.parse(response.jsonPath().getString("expiresAt"))).isEqualTo(flow.expiresAt());
        assertThat(response.jsonPath().getString("permissionsUrl")).isEqualTo(PERMISSIONS_PAGE
                + "?redirect_url=" + encode(GatewayTestResource.REDIRECT_URL) + "&state=" + state
                + "&email=ops%40example.com&partner=" + tenant + "&plan_selection=premium&next=login");
        assertThat(response.getCookie(Flows.NONCE_COOKIE)).isEqualTo(flow.nonce());
        assertThat(response.getHeader("Set-Cookie"))
                .contains("Path=/onboarding", "HttpOnly", "Secure")
                .containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void theStartLinkRedirectsToThePermissionPage() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();

        Response response = given().auth().oauth2(Flows.tokenFor(tenant)).redirects().follow(false)
                .queryParam("hub", "main").queryParam("partner", "crm 7/a")
                .when().get("/onboarding/start");

        response.then().statusCode(302);
        URI location = URI.create(response.getHeader("Location"));
        assertThat(location.getScheme() + "://" + location.getHost() + location.getPath())
                .isEqualTo(PERMISSIONS_PAGE);
        assertThat(location.getRawQuery()).endsWith("&partner=crm%207%2Fa");
        String state = location.getQuery().replaceAll(".*[?&]?state=([^&]+).*", "$1");
        assertThat(signer.verify(state).nonce()).isEqualTo(response.getCookie(Flows.NONCE_COOKIE));
    }

    @Test
    void refusesToStartWithoutABearerToken() {
        given().contentType(ContentType.JSON).body("{\"hub\": \"main\"}")
                .when().post("/onboarding/sessions")
                .then().statusCode(401).body("error", containsString("bearer token"));
    }

    @Test
    void ignoresATenantParameterOutsideDevMode() {
        given().contentType(ContentType.JSON).body("{\"hub\": \"main\"}").queryParam("tenant", "tenant-1")
                .when().post("/onboarding/sessions")
                .then().statusCode(401);
        given().redirects().follow(false).queryParam("hub", "main").queryParam("tenant", "tenant-1")
                .when().get("/onboarding/start")
                .then().statusCode(401);
    }

    @Test
    void refusesATokenSignedWithAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.subject("tenant-1").sign(generator.generateKeyPair().getPrivate());

        Flows.startSession(forged, "{\"hub\": \"main\"}").then().statusCode(401);
    }

    @Test
    void refusesATokenOfAnotherIssuer() {
        String foreign = Jwt.subject("tenant-1").issuer("https://someone-else.test.invalid").sign();

        Flows.startSession(foreign, "{\"hub\": \"main\"}").then().statusCode(401);
    }

    @Test
    void refusesATokenForAnotherAudience() {
        String foreign = Jwt.subject("tenant-1").audience("some-other-service").sign();

        Flows.startSession(foreign, "{\"hub\": \"main\"}").then().statusCode(401);
    }

    @Test
    void acceptsATokenOfTheConfiguredIssuerAndAudience() {
        String token = Jwt.subject("tenant-1").issuer(GatewayTestResource.JWT_ISSUER)
                .audience(GatewayTestResource.JWT_AUDIENCE).sign();

        Flows.startSession(token, "{\"hub\": \"main\"}").then().statusCode(200);
    }

    @Test
    void signsThePermissionsUrlOfAHubWithAPlatformSecretFreshlyEachTime() throws Exception {
        String secret = ConfigProvider.getConfig().getValue(GatewayTestResource.IO_SIGNATURE_SECRET_KEY, String.class);
        long before = Instant.now().getEpochSecond();

        URI first = URI.create(Flows.startSession(Flows.tokenFor("tenant-1"), "{\"hub\": \"direct\"}")
                .jsonPath().getString("permissionsUrl"));
        URI second = URI.create(Flows.startSession(Flows.tokenFor("tenant-1"), "{\"hub\": \"direct\"}")
                .jsonPath().getString("permissionsUrl"));

        for (URI url : List.of(first, second)) {
            Map<String, String> query = query(url);
            long timestamp = Long.parseLong(query.get("timestamp"));
            assertThat(timestamp).isBetween(before, Instant.now().getEpochSecond());
            assertThat(query.get("signature")).isEqualTo(hmacSha512Hex(secret,
                    GatewayTestResource.DIRECT_PARTNER + "|" + timestamp));
        }
        assertThat(query(first).get("state")).isNotEqualTo(query(second).get("state"));
    }

    @Test
    void leavesTheIoSignatureOutForAHubWithoutPlatformSecret() {
        URI url = URI.create(Flows.startSession(Flows.tokenFor("tenant-1"), "{\"hub\": \"main\"}")
                .jsonPath().getString("permissionsUrl"));

        assertThat(query(url)).doesNotContainKeys("signature", "timestamp");
    }

    @Test
    void refusesATokenWithoutTheTenantClaim() {
        String anonymous = Jwt.claim("scope", "onboarding").sign();

        Flows.startSession(anonymous, "{\"hub\": \"main\"}").then().statusCode(401);
    }

    @Test
    void refusesAnUnknownHubAndSaysWhichExist() {
        Flows.startSession(Flows.tokenFor("tenant-1"), "{\"hub\": \"elsewhere\"}")
                .then().statusCode(400).body("error", is("unknown hub 'elsewhere'; configured hubs: [direct, main]"));
        Flows.startSession(Flows.tokenFor("tenant-1"), "{}")
                .then().statusCode(400).body("error", containsString("hub is required"));
    }

    @Test
    void refusesBadPrefillValues() {
        Flows.startSession(Flows.tokenFor("tenant-1"), "{\"hub\": \"main\", \"plan\": \"gold\"}")
                .then().statusCode(400).body("error", is("plan must be one of [premium, regular]"));
        Flows.startSession(Flows.tokenFor("tenant-1"), "{\"hub\": \"main\", \"number\": \"call me\"}")
                .then().statusCode(400).body("error", containsString("number must be a phone number"));
    }

    @Test
    void countsTheFlowsStartedPerHub() {
        Flows.start("direct");

        given().accept("text/plain").when().get("/q/metrics").then()
                .body(containsString("onboarding_flows_started_total{application=\"onboarding-gateway\",hub=\"direct\""));
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            query.put(nameValue[0], java.net.URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String hmacSha512Hex(String secret, String text) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA512");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
