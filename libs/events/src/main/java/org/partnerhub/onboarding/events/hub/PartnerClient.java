package org.partnerhub.onboarding.events.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The typed fields of a 360dialog client (the partner's customer) as a webhook or the Partner API reports it; every
 * field may be absent.
 *
 * @param partnerPayload the {@code partner} value given on the permission page when the client signed up: the
 *     partner's own reference for its customer; absent when the client came without one (e.g. 360dialog's Direct
 *     Link)
 */
public record PartnerClient(
        String id, String name, String partnerPayload, String email, String status, Instant createdAt) {

    /**
     * Reads a client object: flat ({@code {id, name, partner_payload, contact_info}}, as in the Partner API and
     * 360dialog's webhook example) or wrapped in {@code client} ({@code {client: {id, ...}}}, as public partner
     * integrations read {@code client_created}). The wrapped one wins where it names a client.
     */
    public static PartnerClient from(JsonNode data) {
        JsonNode client = JsonFields.text(data, "client", "id") != null ? data.path("client") : data;
        return new PartnerClient(
                JsonFields.text(client, "id"),
                JsonFields.text(client, "name"),
                JsonFields.text(client, "partner_payload"),
                JsonFields.text(client, "contact_info", "email"),
                JsonFields.text(client, "status"),
                JsonFields.instant(client, "created_at"));
    }
}
