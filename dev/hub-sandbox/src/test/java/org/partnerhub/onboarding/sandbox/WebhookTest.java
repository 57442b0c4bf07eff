package org.partnerhub.onboarding.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final List<String> LIFECYCLE = List.of("channel_created", "channel_submitted", "channel_ready",
            "channel_running", "channel_live");

    @TestHTTPResource("test-receiver")
    URL receiver;

    @BeforeEach
    void reset() {
        Sandbox.reset();
        WebhookReceiver.clear();
        Sandbox.setWebhookUrl(Sandbox.PP, receiver + "/" + Sandbox.PP);
    }

    @Test
    void aNewChannelIsAnnouncedStepByStepWithSignedWebhooksInOrder() {
        String number = Sandbox.newNumber();
        String email = Sandbox.newEmail();
        Sandbox.signUp(Sandbox.PP, email, "s", "tenant-42", number);

        await().atMost(WAIT).until(() -> about(number).size() == 5);

        List<JsonNode> channel = about(number);
        assertThat(channel).extracting(json -> json.path("event").asText()).containsExactlyElementsOf(LIFECYCLE);
        assertThat(channel).extracting(json -> json.path("data").path("status").asText())
                .containsExactly("created", "submitted", "ready", "running", "live");
        JsonNode live = channel.get(4).path("data");
        assertThat(live.path("id").asText()).isEqualTo(Sandbox.channelOf(number));
        assertThat(live.path("client_id").asText()).isEqualTo(live.path("client").path("id").asText());
        assertThat(live.path("client").path("partner_payload").asText()).isEqualTo("tenant-42");
        assertThat(live.path("client").path("contact_info").path("email").asText()).isEqualTo(email);
        assertThat(live.path("account_mode").asText()).isEqualTo("live");
        assertThat(live.path("billing_started_at").isTextual()).isTrue();
        assertThat(live.path("waba_account").path("id").isTextual()).isTrue();
        assertThat(channel).extracting(json -> json.path("id").asText()).doesNotHaveDuplicates();

        JsonNode client = received().stream().filter(json -> json.path("event").asText().equals("client_created")
                && json.path("data").path("contact_info").path("email").asText().equals(email))
                .findFirst().orElseThrow().path("data");
        assertThat(client.path("id").asText()).isEqualTo(live.path("client_id").asText());
        assertThat(client.path("partner_payload").asText()).isEqualTo("tenant-42");
        assertThat(client.path("contact_info").path("email").asText()).isEqualTo(email);

        assertThat(WebhookReceiver.RECEIVED).allSatisfy(webhook -> assertThat(webhook.signature())
                .isEqualTo(hmac("fake-webhook-secret-pp1", webhook.body())));
    }

    @Test
    void theApiAlreadyTellsWhatAWebhookSays() {
        String number = Sandbox.newNumber();
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", number);

        await().atMost(WAIT).until(() -> about(number).stream()
                .anyMatch(json -> json.path("event").asText().equals("channel_running")));

        given().header("X-API-Key", Sandbox.apiKey(Sandbox.PP))
                .when().get("/api/v2/partners/pp1/channels/" + Sandbox.channelOf(number))
                .then().statusCode(200).body("status", org.hamcrest.Matchers.oneOf("running", "live"));
    }

    @Test
    void droppedWebhooksNeverArriveButTheApiKnowsTheChannel() {
        Sandbox.faults(Map.of("dropRate", 1));
        String number = Sandbox.newNumber();
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", number);

        await().atMost(WAIT).until(() -> outcomes("dropped") == 6);

        assertThat(about(number)).isEmpty();
        given().header("X-API-Key", Sandbox.apiKey(Sandbox.PP))
                .when().get("/api/v2/partners/pp1/channels/" + Sandbox.channelOf(number))
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("live"));
    }

    @Test
    void duplicatedWebhooksArriveTwiceWithTheSameId() {
        Sandbox.faults(Map.of("duplicateRate", 1));
        String number = Sandbox.newNumber();
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", number);

        await().atMost(WAIT).until(() -> about(number).size() == 10);

        List<JsonNode> channel = about(number);
        for (int i = 0; i < 10; i += 2) {
            assertThat(channel.get(i)).isEqualTo(channel.get(i + 1));
            assertThat(channel.get(i).path("event").asText()).isEqualTo(LIFECYCLE.get(i / 2));
        }
    }

    @Test
    void reorderedWebhooksSwapPairsButAllArrive() {
        Sandbox.faults(Map.of("reorderRate", 1));
        String number = Sandbox.newNumber();
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", number);

        await().atMost(WAIT).until(() -> about(number).size() == 5);

        assertThat(about(number)).extracting(json -> json.path("event").asText()).containsExactly(
                "channel_submitted", "channel_created", "channel_running", "channel_ready", "channel_live");
    }

    @Test
    void aRefusedWebhookIsTriedAgainAFewTimes() {
        WebhookReceiver.answer = 500;
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", Sandbox.newNumber());

        await().atMost(WAIT).until(() -> given().when().get("/sandbox/webhooks").then().extract().jsonPath()
                .getString("find { it.event == 'client_created' && it.outcome == 'failed' }.webhookId") != null);

        String clientCreated = given().when().get("/sandbox/webhooks").then().extract().jsonPath()
                .getString("find { it.event == 'client_created' }.webhookId");
        assertThat(received()).filteredOn(json -> json.path("id").asText().equals(clientCreated)).hasSize(3);
    }

    @Test
    void customHeadersSetWithTheUrlGoWithEveryWebhookAndOnlyTheirNamesAreShown() {
        given().header("X-API-Key", Sandbox.apiKey(Sandbox.PP)).contentType("application/json")
                .body(Map.of("webhook_url", receiver + "/pp1", "headers", Map.of(
                        "Authorization", "Basic ZmFrZQ==", "X-Partner-Token", "fake-static-token")))
                .when().post("/api/v2/partners/pp1/webhook_url").then().statusCode(200);
        String number = Sandbox.newNumber();
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", number);

        await().atMost(WAIT).until(() -> !about(number).isEmpty());

        assertThat(WebhookReceiver.RECEIVED).filteredOn(webhook -> new String(webhook.body(), StandardCharsets.UTF_8)
                .contains(number)).isNotEmpty().allSatisfy(webhook -> {
                    assertThat(webhook.authorization()).isEqualTo("Basic ZmFrZQ==");
                    assertThat(webhook.partnerToken()).isEqualTo("fake-static-token");
                });
        String shown = given().header("X-API-Key", Sandbox.apiKey(Sandbox.PP))
                .when().get("/api/v2/partners/pp1/webhook_url").then().statusCode(200)
                .body("webhook_url", is(receiver + "/pp1"))
                .body("headers", containsInAnyOrder("Authorization", "X-Partner-Token"))
                .extract().asString();
        assertThat(shown).doesNotContain("fake-static-token").doesNotContain("ZmFrZQ==");
    }

    @Test
    void settingTheUrlAgainWithoutHeadersStopsSendingThem() {
        given().header("X-API-Key", Sandbox.apiKey(Sandbox.PP)).contentType("application/json")
                .body(Map.of("webhook_url", receiver + "/pp1", "headers", Map.of("X-Partner-Token", "fake-old")))
                .when().post("/api/v2/partners/pp1/webhook_url").then().statusCode(200);
        given().header("X-API-Key", Sandbox.apiKey(Sandbox.PP)).contentType("application/json")
                .body(Map.of("webhook_url", receiver + "/pp1"))
                .when().post("/api/v2/partners/pp1/webhook_url").then().statusCode(200).body("headers", empty());
        String number = Sandbox.newNumber();
        Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", number);

        await().atMost(WAIT).until(() -> !about(number).isEmpty());

        assertThat(WebhookReceiver.RECEIVED).filteredOn(webhook -> new String(webhook.body(), StandardCharsets.UTF_8)
                .contains(number)).isNotEmpty().allSatisfy(webhook -> assertThat(webhook.partnerToken()).isNull());
    }

    private static long outcomes(String outcome) {
        Map<String, Object> counts = given().when().get("/sandbox/counters").then().statusCode(200).extract()
                .jsonPath().getMap("webhooks");
        return counts.containsKey(outcome) ? ((Number) counts.get(outcome)).longValue() : 0;
    }

    private static List<JsonNode> received() {
        return WebhookReceiver.bodies();
    }

    private static List<JsonNode> about(String number) {
        return received().stream().filter(json -> number.equals(json.path("data").path("setup_info")
                .path("phone_number").asText())).toList();
    }

    /** Computed here, independently of the sandbox's code, the way webhook-ingest checks it. */
    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
