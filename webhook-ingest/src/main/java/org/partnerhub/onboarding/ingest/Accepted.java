package org.partnerhub.onboarding.ingest;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.hub.HubWebhook;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;

/**
 * A webhook that passed every check and is to be published.
 *
 * @param rawBody the bytes as received: the record value, never re-serialised, since the signature is over them
 * @param signatureVerified false when the hub has no webhook secret to check against
 */
record Accepted(HubWebhook webhook, byte[] rawBody, boolean signatureVerified) implements Verdict {

    static final String SOURCE = "/webhook-ingest";

    /**
     * The key (channel id, client id, else the envelope id) and CloudEvents headers come from libs/events; the trace
     * context is the webhook's own span, which the fold and the key claim it leads to continue.
     */
    ProducerRecord<String, byte[]> toRecord(String topic, TraceParent trace) {
        Headers headers = CloudEventHeaders.asKafkaHeaders(webhook, SOURCE);
        trace.addTo(headers);
        headers.add(CloudEventHeaders.RECEIVED_AT,
                utf8(DateTimeFormatter.ISO_INSTANT.format(webhook.receivedAt())));
        headers.add(CloudEventHeaders.SIGNATURE_VERIFIED, utf8(Boolean.toString(signatureVerified)));
        return new ProducerRecord<>(topic, null, webhook.key(), rawBody, headers);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
