package org.partnerhub.onboarding.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class OutboxRecordTest {

    @Test
    void theStoredHeadersAreSentAsWrittenInTheirOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", "evt-1");
        headers.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        headers.put("dead-letter-reason", "not JSON: \"{\" at 1");
        OutboxRecord written = new OutboxRecord("channel.events", "y9MiLoCH", headers, new byte[] {1, 2});

        OutboxRecord read = new OutboxRecord(written.topic(), written.key(),
                OutboxRecord.headersFromJson(written.headersJson()), written.value());
        ProducerRecord<String, byte[]> sent = read.toProducerRecord();

        assertThat(sent.topic()).isEqualTo("channel.events");
        assertThat(sent.key()).isEqualTo("y9MiLoCH");
        assertThat(sent.value()).containsExactly(1, 2);
        assertThat(sent.headers().toArray()).extracting(Header::key)
                .containsExactly("ce_id", "traceparent", "dead-letter-reason");
        assertThat(new String(sent.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("not JSON: \"{\" at 1");
    }
}
