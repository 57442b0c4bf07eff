package org.partnerhub.onboarding.events.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The typed fields of a 360dialog channel object (a WhatsApp number), in a webhook or a Partner API answer; every
 * field may be absent. Anything not here stays in the webhook's raw {@code data}.
 *
 * @param status 360dialog's status as sent ({@code created}, {@code ready}, {@code running}, ...), a free string
 * @param accountMode {@code sandbox} or {@code live}
 * @param partnerPayload the partner's reference for the client, passed on the permission page
 */
public record HubChannel(
        String id,
        String clientId,
        String status,
        String accountMode,
        Instant createdAt,
        Instant modifiedAt,
        Instant billingStartedAt,
        Instant terminatedAt,
        String phoneNumber,
        String phoneName,
        String clientName,
        String partnerPayload,
        String wabaAccountId) {

    /**
     * Reads a channel object as 360dialog describes it, in a webhook's {@code data} or a Partner API answer alike,
     * so that every source of channel facts understands each field the same way. Missing fields are null; the
     * client id is read from {@code client.id} where {@code client_id} is missing.
     */
    public static HubChannel from(JsonNode data) {
        String clientId = JsonFields.text(data, "client_id");
        return new HubChannel(
                JsonFields.text(data, "id"),
                clientId != null ? clientId : JsonFields.text(data, "client", "id"),
                JsonFields.text(data, "status"),
                JsonFields.text(data, "account_mode"),
                JsonFields.instant(data, "created_at"),
                JsonFields.instant(data, "modified_at"),
                JsonFields.instant(data, "billing_started_at"),
                JsonFields.instant(data, "terminated_at"),
                JsonFields.text(data, "setup_info", "phone_number"),
                JsonFields.text(data, "setup_info", "phone_name"),
                JsonFields.text(data, "client", "name"),
                JsonFields.text(data, "client", "partner_payload"),
                JsonFields.text(data, "waba_account", "id"));
    }
}
