package org.partnerhub.onboarding.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents attributes of a consumed record.
 *
 * @param time absent if the producer sent none
 * @param subject absent if the producer sent none
 */
public record CloudEventMetadata(
        String id, String type, String source, Instant time, String subject, String contentType, String hubId) {

    /**
     * Reads the headers of a record.
     *
     * @throws EventDecodingException if a required header is missing, the spec version is not 1.0 or the time is not
     *     RFC 3339
     */
    public static CloudEventMetadata from(Headers headers) {
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new EventDecodingException("unsupported CloudEvents spec version: " + specVersion);
        }
        return new CloudEventMetadata(
                required(headers, CloudEventHeaders.ID),
                required(headers, CloudEventHeaders.TYPE),
                required(headers, CloudEventHeaders.SOURCE),
                time(optional(headers, CloudEventHeaders.TIME)),
                optional(headers, CloudEventHeaders.SUBJECT),
                optional(headers, CloudEventHeaders.CONTENT_TYPE),
                required(headers, CloudEventHeaders.HUB_ID));
    }

    private static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null) {
            throw new EventDecodingException("missing header " + name);
        }
        return value;
    }

    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new EventDecodingException("header " + CloudEventHeaders.TIME + " is not RFC 3339: " + value, e);
        }
    }
}
