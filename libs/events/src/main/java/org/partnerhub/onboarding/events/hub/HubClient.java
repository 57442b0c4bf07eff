package org.partnerhub.onboarding.events.hub;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The typed fields of a 360dialog client object; every field may be absent.
 *
 * @param partnerPayload the partner's reference for the client, passed on the permission page
 */
public record HubClient(String id, String name, String partnerPayload, String email, String status) {

    static HubClient from(JsonNode data) {
        return new HubClient(
                JsonFields.text(data, "id"),
                JsonFields.text(data, "name"),
                JsonFields.text(data, "partner_payload"),
                JsonFields.text(data, "contact_info", "email"),
                JsonFields.text(data, "status"));
    }
}
