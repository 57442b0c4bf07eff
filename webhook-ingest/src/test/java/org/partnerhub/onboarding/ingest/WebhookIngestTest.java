package org.partnerhub.onboarding.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.EventIds;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;
import org.partnerhub.onboarding.testkit.KafkaTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(TestHubs.class)
class WebhookIngestTest {

    private HubWebhooksTopic topic;

    @BeforeEach
    void openTopic() {
        topic = new HubWebhooksTopic();
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @ParameterizedTest
    @CsvSource({
        "client_created,  evt-7Hq2c1, oaY9LLfUCL",
        "channel_created, evt-9Xk3d2, y9MiLoCH",
        "channel_running, evt-2Lm8f4, y9MiLoCH"
    })
    void eachFixtureLandsOnTheTopicWithItsKeyAndHeaders(String event, String id, String key) {
        byte[] body = fixture(event);
        Map<TopicPartition, Long> mark = topic.endOffsets();
        Instant before = Instant.now();

        post("main", body, signedBy("main")).statusCode(200).body("id", is(id));

        List<ConsumerRecord<String, byte[]>> records = topic.recordsSince(mark);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(record.key()).isEqualTo(key);
        assertThat(record.value()).isEqualTo(body);
        assertThat(headers(record)).containsAllEntriesOf(Map.of(
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.ID, id,
                CloudEventHeaders.TYPE, "com.360dialog.partner." + event,
                CloudEventHeaders.SOURCE, "/webhook-ingest",
                CloudEventHeaders.SUBJECT, key,
                CloudEventHeaders.CONTENT_TYPE, "application/json",
                CloudEventHeaders.HUB_ID, "main",
                CloudEventHeaders.SIGNATURE_VERIFIED, "true"));
        assertThat(Instant.parse(headers(record).get(CloudEventHeaders.RECEIVED_AT)))
                .isBetween(before.minusMillis(1), Instant.now());
    }

    @Test
    void anUnknownEventTypeWithoutIdPassesThroughUnderItsOwnName() {
        byte[] body = bytes("{\"event\":\"channel_teleported\",\"data\":{\"where\":\"moon\"}}");
        String id = EventIds.ofRawBody("main", body);
        Map<TopicPartition, Long> mark = topic.endOffsets();

        post("main", body, signedBy("main")).statusCode(200).body("id", is(id));

        ConsumerRecord<String, byte[]> record = topic.recordsSince(mark).getFirst();
        assertThat(record.key()).isEqualTo(id);
        assertThat(record.value()).isEqualTo(body);
        assertThat(headers(record)).containsEntry(CloudEventHeaders.TYPE, "com.360dialog.partner.channel_teleported")
                .containsEntry(CloudEventHeaders.ID, id);
    }

    @Test
    void eachWebhookStartsATraceOfItsOwnWhateverTraceTheSenderClaims() {
        String claimed = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        Map<TopicPartition, Long> mark = topic.endOffsets();

        post("main", webhook("evt-traced-1"), spec -> signedBy("main").apply(spec).header("traceparent", claimed))
                .statusCode(200);
        post("main", webhook("evt-traced-2"), signedBy("main")).statusCode(200);

        List<TraceParent> traces = topic.recordsSince(mark).stream()
                .map(record -> TraceParent.from(record.headers()).orElseThrow()).toList();
        assertThat(traces).hasSize(2);
        assertThat(traces).extracting(TraceParent::traceId).doesNotHaveDuplicates()
                .doesNotContain("0af7651916cd43dd8448eb211c80319c");
    }

    @Test
    void theSignatureHeaderNameIsCaseInsensitive() {
        byte[] body = webhook("evt-case");

        given().contentType("application/json").header("X-360Dialog-SIGNATURE", sign("main", body)).body(body)
                .when().post("/webhooks/360dialog/main").then().statusCode(200);
    }

    @Test
    void thePreviousSecretIsAcceptedDuringARotation() {
        byte[] body = webhook("evt-rotation");
        String previous = Signatures.sign(config("onboarding.hubs.main.webhook-secret-previous"), body);

        post("main", body, spec -> spec.header(SignatureVerifier.HEADER, previous)).statusCode(200);
    }

    @Test
    void aHubWithoutSecretTakesUnsignedWebhooksAndMarksThemUnverified() {
        byte[] body = webhook("evt-unsigned");
        Map<TopicPartition, Long> mark = topic.endOffsets();

        post("open", body, Function.identity()).statusCode(200);

        assertThat(headers(topic.recordsSince(mark).getFirst()))
                .containsEntry(CloudEventHeaders.SIGNATURE_VERIFIED, "false")
                .containsEntry(CloudEventHeaders.HUB_ID, "open");
    }

    @Test
    void theStaticHeaderTogetherWithTheSignatureIsAccepted() {
        byte[] body = webhook("evt-guarded");

        post("guarded", body, spec -> signedBy("guarded").apply(spec)
                .header(TestHubs.STATIC_HEADER, config("onboarding.hubs.guarded.webhook-header-value")))
                .statusCode(200);
    }

    @Test
    void aRedeliveryIsAnsweredLikeTheFirstWithoutASecondRecord() {
        byte[] body = webhook("evt-twice");
        long before = topic.recordCount();

        post("main", body, signedBy("main")).statusCode(200).body("id", is("evt-twice"));
        post("main", body, signedBy("main")).statusCode(200).body("id", is("evt-twice"));

        assertThat(topic.recordCount()).isEqualTo(before + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void everyRejectionIsExplainedAndPublishesNothing(String what, String hub, byte[] body,
            Function<RequestSpecification, RequestSpecification> headers, int status, String reason) {
        long before = topic.recordCount();

        post(hub, body, headers).statusCode(status).body("error", containsString(reason));

        assertThat(topic.recordCount()).isEqualTo(before);
    }

    static Stream<Arguments> rejections() {
        byte[] valid = webhook("evt-rejected");
        byte[] changed = valid.clone();
        changed[10] ^= 1;
        byte[] tooLarge = bytes("{\"event\":\"channel_created\",\"data\":\"" + "x".repeat(256 * 1024) + "\"}");
        return Stream.of(
                rejection("unknown hub", "nope", valid, signedBy("main"), 404, "no such hub"),
                rejection("signature missing", "main", valid, Function.identity(), 401, "signature"),
                rejection("signature invalid", "main", valid,
                        spec -> spec.header(SignatureVerifier.HEADER, "00".repeat(32)), 401, "signature"),
                rejection("signed with another hub's secret", "main", valid, signedBy("guarded"), 401, "signature"),
                rejection("body changed by one byte", "main", changed,
                        spec -> spec.header(SignatureVerifier.HEADER, sign("main", valid)), 401, "signature"),
                rejection("empty body, signed", "main", new byte[0], signedBy("main"), 415, "not JSON"),
                rejection("static header missing", "guarded", valid, signedBy("guarded"), 401, "header"),
                rejection("static header wrong", "guarded", valid, spec -> signedBy("guarded").apply(spec)
                        .header(TestHubs.STATIC_HEADER, "guess"), 401, "header"),
                rejection("not JSON", "main", bytes("event=channel_created"), signedBy("main"), 415, "not JSON"),
                rejection("not an object", "main", bytes("[{\"event\":\"channel_created\"}]"), signedBy("main"),
                        400, "not a JSON object"),
                rejection("no event", "main", bytes("{\"id\":\"evt-x\",\"data\":{}}"), signedBy("main"), 400,
                        "'event'"),
                rejection("event not a string", "main", bytes("{\"event\":42}"), signedBy("main"), 400, "'event'"),
                rejection("event name out of bounds", "main", bytes("{\"event\":\"Channel Created\"}"),
                        signedBy("main"), 400, "[a-z0-9_.]{1,64}"),
                rejection("body over 256 KiB", "main", tooLarge, signedBy("main"), 413, "larger than the limit"));
    }

    @Test
    void countsWhatItReceivesAcceptsAndRejects() {
        post("main", webhook("evt-metrics"), signedBy("main")).statusCode(200);
        post("main", webhook("evt-metrics"), signedBy("main")).statusCode(200);
        post("main", webhook("evt-metrics-2"), Function.identity()).statusCode(401);

        given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("webhooks_received_total{"))
                .body(containsString("webhooks_accepted_total{"))
                .body(containsString("webhooks_duplicates_total{"))
                .body(containsString("reason=\"signature\""))
                .body(containsString("webhooks_publish_seconds_bucket{"))
                // The producer's own meters (per-topic ones follow once the binder next looks, within a minute).
                .body(matchesRegex("(?s).*kafka_producer_record_send_total\\{[^}]*client_id=\"webhook-ingest\".*"))
                .body(not(containsString(config("onboarding.hubs.main.webhook-secret"))));
    }

    @Test
    void aRejectionNeverEchoesASecret() {
        String staticValue = config("onboarding.hubs.guarded.webhook-header-value");

        String answer = post("guarded", webhook("evt-secret"), spec -> spec.header(TestHubs.STATIC_HEADER, "guess"))
                .statusCode(401).header("content-type", notNullValue()).extract().asString();

        assertThat(answer).doesNotContain(staticValue).doesNotContain(TestHubs.STATIC_HEADER);
    }

    @Test
    void theBenchmarksNoOpEndpointIsNotInANormalBuild() {
        given().contentType("application/json").body("{}").when().post("/bench/noop").then().statusCode(404);
    }

    private static Arguments rejection(String what, String hub, byte[] body,
            Function<RequestSpecification, RequestSpecification> headers, int status, String reason) {
        return Arguments.of(what, hub, body, headers, status, reason);
    }

    private static ValidatableResponse post(String hub, byte[] body,
            Function<RequestSpecification, RequestSpecification> headers) {
        return headers.apply(given().contentType("application/json").body(body))
                .when().post("/webhooks/360dialog/" + hub).then();
    }

    private static Function<RequestSpecification, RequestSpecification> signedBy(String hub) {
        return spec -> spec.header(SignatureVerifier.HEADER, sign(hub, bodyOf(spec)));
    }

    private static byte[] bodyOf(RequestSpecification spec) {
        return ((FilterableRequestSpecification) spec).getBody();
    }

    private static String sign(String hub, byte[] body) {
        return Signatures.sign(config("onboarding.hubs." + hub + ".webhook-secret"), body);
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    static byte[] webhook(String id) {
        return bytes("{\"id\":\"" + id + "\",\"event\":\"channel_ready\","
                + "\"data\":{\"id\":\"ch-" + id + "\",\"client_id\":\"cl-1\",\"status\":\"ready\"}}");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fixture(String event) {
        try (InputStream in = WebhookIngestTest.class.getResourceAsStream("/360dialog/" + event + ".json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
