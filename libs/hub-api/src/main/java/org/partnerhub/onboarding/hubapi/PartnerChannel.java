package org.partnerhub.onboarding.hubapi;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One channel (WhatsApp number) as 360dialog reports it.
 *
 * @param status 360dialog's free-form status, e.g. {@code running}, {@code ready}
 * @param raw the whole object, for fields this record does not model
 */
public record PartnerChannel(
        String id,
        String clientId,
        String status,
        String accountMode,
        String phoneNumber,
        Instant createdAt,
        Instant modifiedAt,
        JsonNode raw) {

    public PartnerChannel {
        Objects.requireNonNull(id, "id");
    }
}
