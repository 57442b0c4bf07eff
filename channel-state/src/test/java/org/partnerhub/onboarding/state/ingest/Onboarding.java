package org.partnerhub.onboarding.state.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.partnerhub.onboarding.state.ingest.KafkaTopics.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.permission.ClientLinked;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.Verification;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The fixtures' onboarding as facts, and how a test sees its outcome through the query API and the topics. */
public final class Onboarding {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    public static final Instant T0 = Instant.parse("2026-11-20T09:10:00Z");

    /** The onboarding of the fixtures' channel: the redirect, then 360dialog's webhooks. */
    public static List<Event> onboarding(String suffix) {
        String client = "oaY9LLfUCL" + suffix;
        String channel = "y9MiLoCH" + suffix;
        return List.of(
                new ClientLinked("main", client, "tenant-42", T0, "nonce" + suffix),
                new PermissionGranted("main", client, channel, "tenant-42", "redirect", T0, "nonce" + suffix,
                        Verification.CONFIRMED),
                webhook("client_created", suffix, T0.plusSeconds(1)),
                webhook("channel_created", suffix, T0.plusSeconds(2)),
                webhook("channel_running", suffix, T0.plusSeconds(60)));
    }

    public static JsonPath channelOnceRunning(String channelId) {
        await().atMost(PATIENCE).untilAsserted(() -> authorized().get("/channels/" + channelId).then()
                .statusCode(200).body("status", equalTo("running")));
        return authorized().get("/channels/" + channelId).then().extract().jsonPath();
    }

    /** Waits until the event was folded, for a fact that changes nothing the query API shows. */
    public static void awaitFolded(Pool pool, Event event) {
        await().atMost(PATIENCE).until(() -> pool.preparedQuery("select 1 from applied_event where event_id = $1")
                .execute(Tuple.of(event.id())).await().indefinitely().size() == 1);
    }

    public static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer fake-operator-token");
    }

    public static List<String> eventTypesFor(String channelId) {
        return KafkaTopics.readAll("channel.events").stream()
                .filter(record -> channelId.equals(record.key()))
                .map(record -> KafkaTopics.header(record, CloudEventHeaders.TYPE))
                .toList();
    }

    private Onboarding() {
    }
}
