package org.partnerhub.onboarding.sandbox;

import static io.restassured.RestAssured.given;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Drives the sandbox like a browser and a partner would, for the tests. */
final class Sandbox {

    static final String PP = "pp1";
    static final String DP = "dp1";
    static final String REDIRECT = "https://partner.example/onboarding/redirect";

    private Sandbox() {
    }

    static String apiKey(String partnerId) {
        return "fake-api-key-" + partnerId + "-NOT-A-SECRET";
    }

    /** A number no other test uses. */
    static String newNumber() {
        return "49151" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    static String newEmail() {
        return "owner-" + ThreadLocalRandom.current().nextLong(1_000_000_000L) + "@client.example";
    }

    /** Submits the sign-up form; answers the visit page's path. */
    static String signUp(String partnerId, String email, String state, String partnerPayload, String... numbers) {
        return form("/dashboard/app/" + partnerId + "/permissions/signup", Map.of("name", "Acme Bakery GmbH",
                "email", email, "numbers", String.join(", ", numbers), "redirect_url", REDIRECT, "state", state,
                "partner", partnerPayload));
    }

    static String login(String partnerId, String email, String state, String... numbers) {
        return form("/dashboard/app/" + partnerId + "/permissions/login", Map.of("email", email,
                "numbers", String.join(", ", numbers), "redirect_url", REDIRECT, "state", state));
    }

    /** Accepts the price page; answers the visit page's path again. */
    static String pay(String visit) {
        return given().redirects().follow(false).when().post(visit + "/payment")
                .then().statusCode(303).extract().header("Location").replaceFirst("^https?://[^/]+", "");
    }

    static String page(String visit) {
        return given().when().get(visit).then().statusCode(200).extract().asString();
    }

    /** Sends the numbers page; answers 360dialog's redirect back to the partner. */
    static Redirect choose(String visit, List<String> permit, List<String> revoke) {
        var request = given().redirects().follow(false).contentType(ContentType.URLENC);
        permit.forEach(id -> request.formParam("permit", id));
        revoke.forEach(id -> request.formParam("revoke", id));
        Response answer = request.when().post(visit + "/permissions");
        answer.then().statusCode(303);
        return Redirect.parse(answer.header("Location"));
    }

    /** The channel id of a number, as the admin endpoint lists it. */
    static String channelOf(String number) {
        return given().when().get("/sandbox/channels").then().statusCode(200).extract().jsonPath()
                .getString("find { it.setup_info.phone_number == '" + number + "' }.id");
    }

    static void setWebhookUrl(String partnerId, String url) {
        given().header("X-API-Key", apiKey(partnerId)).contentType(ContentType.JSON)
                .body(Map.of("webhook_url", url))
                .when().post("/api/v2/partners/" + partnerId + "/webhook_url").then().statusCode(200);
    }

    /** A Partner API request with the partner's key. */
    static RequestSpecification api(String partnerId) {
        return given().header("X-API-Key", apiKey(partnerId));
    }

    static String keys(String partnerId, String channel) {
        return "/api/v2/partners/" + partnerId + "/channels/" + channel + "/api_keys";
    }

    static ValidatableResponse createKey(String partnerId, String channel) {
        return api(partnerId).when().post(keys(partnerId, channel)).then();
    }

    static void faults(Map<String, Object> knobs) {
        given().contentType(ContentType.JSON).body(knobs).when().patch("/sandbox/faults").then().statusCode(200);
    }

    static void reset() {
        given().when().post("/sandbox/reset").then().statusCode(204);
    }

    private static String form(String path, Map<String, String> fields) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParams(fields)
                .when().post(path).then().statusCode(303).extract().header("Location")
                .replaceFirst("^https?://[^/]+", "");
    }

    /** The redirect's parts, read the way the gateway reads them. */
    record Redirect(String base, String client, List<String> channels, List<String> revoked, String state) {

        private static final Pattern QUERY = Pattern.compile("([^?]*)\\?(.*)");

        static Redirect parse(String location) {
            Matcher matcher = QUERY.matcher(location);
            if (!matcher.matches()) {
                throw new AssertionError("no query in " + location);
            }
            Map<String, String> params = new java.util.LinkedHashMap<>();
            for (String pair : matcher.group(2).split("&")) {
                String[] nameValue = pair.split("=", 2);
                params.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
            }
            return new Redirect(matcher.group(1), params.get("client"), list(params.get("channels")),
                    list(params.get("revoked")), params.get("state"));
        }

        private static List<String> list(String bracketed) {
            if (bracketed == null || !bracketed.startsWith("[") || !bracketed.endsWith("]")) {
                throw new AssertionError("not a bracketed list: " + bracketed);
            }
            String inner = bracketed.substring(1, bracketed.length() - 1);
            return inner.isEmpty() ? List.of() : Arrays.asList(inner.split(","));
        }
    }
}
