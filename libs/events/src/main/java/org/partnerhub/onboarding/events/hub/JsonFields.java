package org.partnerhub.onboarding.events.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient reads from 360dialog's JSON, for webhooks and Partner API answers alike: a missing, null, empty or oddly
 * shaped field reads as null, never as an error; ids may be strings or numbers.
 */
public final class JsonFields {

    private JsonFields() {
    }

    public static String text(JsonNode node, String... path) {
        JsonNode field = node;
        for (String name : path) {
            field = field.path(name);
        }
        return field.isValueNode() && !field.isNull() && !field.asText().isEmpty() ? field.asText() : null;
    }

    /** An ISO-8601 instant, or a local date-time, which 360dialog writes for some times and means as UTC. */
    public static Instant instant(JsonNode node, String... path) {
        String value = text(node, path);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException noZone) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** The names of an object's fields: what a log may say about an answer it cannot use, never its values. */
    public static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
