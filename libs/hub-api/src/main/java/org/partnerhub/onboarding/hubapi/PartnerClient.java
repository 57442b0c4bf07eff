package org.partnerhub.onboarding.hubapi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One client (the partner's customer) as 360dialog reports it.
 *
 * @param raw the whole object, for fields this record does not model
 */
public record PartnerClient(String id, String name, String status, Instant createdAt, JsonNode raw) {

    public PartnerClient {
        Objects.requireNonNull(id, "id");
    }

    /**
     * The {@code partner} value given on the permission page when the client signed up: the partner's own
     * reference for its customer. Empty when the client came without one (e.g. 360dialog's Direct Link).
     */
    public Optional<String> partnerPayload() {
        if (raw == null) {
            return Optional.empty();
        }
        JsonNode value = raw.path("partner_payload");
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty()
                ? Optional.of(value.asText())
                : Optional.empty();
    }
}
