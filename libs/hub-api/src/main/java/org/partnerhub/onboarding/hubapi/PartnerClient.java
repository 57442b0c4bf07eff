package org.partnerhub.onboarding.hubapi;

import java.time.Instant;
import java.util.Objects;

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
}
