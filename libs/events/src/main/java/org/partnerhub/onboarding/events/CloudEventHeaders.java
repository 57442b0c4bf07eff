package org.partnerhub.onboarding.events;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The CloudEvents 1.0 Kafka binary-mode headers of an event, and every header name the events use. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /** Not a CloudEvents attribute: the hub id, which hub webhook bodies do not carry themselves. */
    public static final String HUB_ID = "onboarding_hub_id";
    /** {@code hub.webhooks} only: when webhook-ingest received the webhook (RFC 3339). */
    public static final String RECEIVED_AT = "onboarding_received_at";
    /**
     * {@code hub.webhooks} only: {@code true} if the body's {@code x-360dialog-signature} was verified, {@code false}
     * if the hub has no webhook secret configured.
     */
    public static final String SIGNATURE_VERIFIED = "onboarding_signature_verified";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    private CloudEventHeaders() {
    }

    /**
     * The headers in order; {@code ce_time} and {@code ce_subject} are left out when the event has none.
     *
     * @param source the producing service as a URI reference, e.g. {@code /onboarding-gateway}
     */
    public static Map<String, String> asMap(Event event, String source) {
        Objects.requireNonNull(source, "source");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, SPEC_VERSION_1_0);
        headers.put(ID, event.id());
        headers.put(TYPE, event.type());
        headers.put(SOURCE, source);
        if (event.occurredAt() != null) {
            headers.put(TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        }
        if (event.subject() != null) {
            headers.put(SUBJECT, event.subject());
        }
        headers.put(CONTENT_TYPE, APPLICATION_JSON);
        headers.put(HUB_ID, event.hubId());
        return headers;
    }

    public static Headers asKafkaHeaders(Event event, String source) {
        Headers headers = new RecordHeaders();
        asMap(event, source).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }
}
