package org.partnerhub.onboarding.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookEnvelopeTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"evt-1\",\"event\":\"channel_running\",\"data\":{\"id\":\"c1\",\"client_id\":\"k1\"}}",
        "{\"event\":\"brand_new_event.v2\",\"data\":[1,2,{\"deep\":{\"event\":5}}]}",
        "  {\"data\":null,\"event\":\"0\"}\n"
    })
    void acceptsAnyObjectWithASaneEventName(String body) {
        assertThat(WebhookEnvelope.problemWith(bytes(body))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                   | NOT_JSON",
        "hello                                | NOT_JSON",
        "{\"event\":\"channel_running\"       | NOT_JSON",
        "{\"event\":\"a\"} {\"event\":\"b\"}  | NOT_JSON",
        "[{\"event\":\"channel_running\"}]    | NOT_AN_OBJECT",
        "\"channel_running\"                  | NOT_AN_OBJECT",
        "{\"id\":\"evt-1\",\"data\":{}}       | NO_EVENT",
        "{\"event\":5}                        | NO_EVENT",
        "{\"event\":null}                     | NO_EVENT",
        "{\"event\":{\"name\":\"x\"}}         | NO_EVENT",
        "{\"event\":\"\"}                     | BAD_EVENT_NAME",
        "{\"event\":\"Channel_Running\"}      | BAD_EVENT_NAME",
        "{\"event\":\"channel running\"}      | BAD_EVENT_NAME",
        "{\"event\":\"../../etc\"}            | BAD_EVENT_NAME",
        "{\"event\":\"a0123456789a0123456789a0123456789a0123456789a0123456789a012345678\"} | BAD_EVENT_NAME"
    })
    void refusesWhatIsNotAWebhookEnvelope(String body, Rejection expected) {
        assertThat(WebhookEnvelope.problemWith(bytes(body))).contains(expected);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
