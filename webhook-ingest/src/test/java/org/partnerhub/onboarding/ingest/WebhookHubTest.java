package org.partnerhub.onboarding.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;

class WebhookHubTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-20T09:14:05.123Z");
    private static final byte[] RUNNING = ("{\"id\":\"evt-2\",\"event\":\"channel_running\","
            + "\"data\":{\"id\":\"y9MiLoCH\",\"client_id\":\"oaY9LLfUCL\",\"status\":\"running\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private final WebhookHub signed = new WebhookHub("main",
            Optional.of(new SignatureVerifier(List.of("s1"))), Optional.empty());
    private final WebhookHub guarded = new WebhookHub("guarded",
            Optional.of(new SignatureVerifier(List.of("s1"))), Optional.of(new StaticHeader("X-Token", "t0k")));
    private static final TraceParent TRACE =
            TraceParent.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").orElseThrow();
    private final WebhookHub open = new WebhookHub("open", Optional.empty(), Optional.empty());

    @Test
    void aSignedWebhookBecomesARecordOfTheRawBody() {
        Verdict verdict = signed.examine(headers(Map.of(SignatureVerifier.HEADER, Signatures.sign("s1", RUNNING))),
                RUNNING, RECEIVED);

        assertThat(verdict).isInstanceOf(Accepted.class);
        ProducerRecord<String, byte[]> record = ((Accepted) verdict).toRecord("hub.webhooks", TRACE);
        assertThat(record.topic()).isEqualTo("hub.webhooks");
        assertThat(record.key()).isEqualTo("y9MiLoCH");
        assertThat(record.value()).isEqualTo(RUNNING);
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo("evt-2");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("com.360dialog.partner.channel_running");
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/webhook-ingest");
        assertThat(header(record, CloudEventHeaders.HUB_ID)).isEqualTo("main");
        assertThat(header(record, CloudEventHeaders.RECEIVED_AT)).isEqualTo("2026-11-20T09:14:05.123Z");
        assertThat(header(record, CloudEventHeaders.SIGNATURE_VERIFIED)).isEqualTo("true");
        assertThat(header(record, TraceParent.HEADER)).isEqualTo(TRACE.value());
    }

    @Test
    void aHubWithoutSecretTakesUnsignedWebhooksAndSaysSo() {
        Verdict verdict = open.examine(headers(Map.of()), RUNNING, RECEIVED);

        assertThat(header(((Accepted) verdict).toRecord("hub.webhooks", TRACE),
                CloudEventHeaders.SIGNATURE_VERIFIED))
                .isEqualTo("false");
    }

    @Test
    void theSenderIsCheckedBeforeTheBody() {
        byte[] notJson = "hello".getBytes(StandardCharsets.UTF_8);

        assertThat(signed.examine(headers(Map.of()), notJson, RECEIVED)).isEqualTo(Rejection.SIGNATURE);
        assertThat(open.examine(headers(Map.of()), notJson, RECEIVED)).isEqualTo(Rejection.NOT_JSON);
    }

    @Test
    void aConfiguredStaticHeaderIsRequiredAsWellAsTheSignature() {
        String signature = Signatures.sign("s1", RUNNING);

        assertThat(guarded.examine(headers(Map.of(SignatureVerifier.HEADER, signature)), RUNNING, RECEIVED))
                .isEqualTo(Rejection.STATIC_HEADER);
        assertThat(guarded.examine(headers(Map.of(SignatureVerifier.HEADER, signature, "X-Token", "t0K")),
                RUNNING, RECEIVED)).isEqualTo(Rejection.STATIC_HEADER);
        assertThat(guarded.examine(headers(Map.of("X-Token", "t0k")), RUNNING, RECEIVED))
                .isEqualTo(Rejection.SIGNATURE);
        assertThat(guarded.examine(headers(Map.of(SignatureVerifier.HEADER, signature, "X-Token", "t0k")),
                RUNNING, RECEIVED)).isInstanceOf(Accepted.class);
    }

    @Test
    void theStaticHeadersValueNeverShowsInItsDescription() {
        assertThat(guarded.toString()).contains("X-Token").doesNotContain("t0k");
    }

    private static UnaryOperator<String> headers(Map<String, String> headers) {
        return headers::get;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
