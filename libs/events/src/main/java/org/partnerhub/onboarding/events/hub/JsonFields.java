package org.partnerhub.onboarding.events.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Lenient reads from 360dialog's JSON: a missing, null or oddly shaped field reads as null, never as an error. */
final class JsonFields {

    private JsonFields() {
    }

    static String text(JsonNode node, String... path) {
        JsonNode field = node;
        for (String name : path) {
            field = field.path(name);
        }
        return field.isValueNode() && !field.isNull() ? field.asText() : null;
    }

    static Instant instant(JsonNode node, String... path) {
        String value = text(node, path);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }
}
