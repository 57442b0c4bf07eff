package org.partnerhub.onboarding.ingest;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The shape every webhook must have, whatever its event: a JSON object with a string {@code event} of a sane name.
 * Everything else in the body is 360dialog's business and passes through untouched.
 */
final class WebhookEnvelope {

    static final Pattern EVENT_NAME = Pattern.compile("[a-z0-9_.]{1,64}");

    private static final JsonFactory JSON = new JsonFactory();

    private WebhookEnvelope() {
    }

    /** One streaming pass over the body, cheaper than building a tree just to look at one field. */
    static Optional<Rejection> problemWith(byte[] body) {
        JsonToken first;
        String event = null;
        try (JsonParser parser = JSON.createParser(body)) {
            first = parser.nextToken();
            if (first == null) {
                return Optional.of(Rejection.NOT_JSON);
            }
            if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("event".equals(field)) {
                        event = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    }
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                return Optional.of(Rejection.NOT_JSON);
            }
        } catch (IOException malformed) {
            return Optional.of(Rejection.NOT_JSON);
        }
        if (first != JsonToken.START_OBJECT) {
            return Optional.of(Rejection.NOT_AN_OBJECT);
        }
        if (event == null) {
            return Optional.of(Rejection.NO_EVENT);
        }
        if (!EVENT_NAME.matcher(event).matches()) {
            return Optional.of(Rejection.BAD_EVENT_NAME);
        }
        return Optional.empty();
    }
}
