package org.partnerhub.onboarding.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Clients, channels and keys in 360dialog's shapes (see the fixtures in {@code ../shared/fixtures/360dialog}), used
 * alike by webhooks and the Partner API so the two can never disagree.
 */
final class HubJson {

    private HubJson() {
    }

    static Map<String, Object> client(Client client) {
        Map<String, Object> json = owner(client);
        json.put("status", "active");
        json.put("created_at", time(client.createdAt()));
        return json;
    }

    static Map<String, Object> channel(Channel channel, Client client) {
        Stage stage = channel.stage();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", channel.id());
        json.put("client_id", channel.clientId());
        json.put("status", channel.status());
        json.put("account_mode", stage.accountMode());
        json.put("created_at", time(channel.createdAt()));
        json.put("modified_at", time(channel.modifiedAt()));
        json.put("billing_started_at", time(channel.billingStartedAt()));
        json.put("terminated_at", time(channel.terminatedAt()));
        json.put("current_limit", stage.acceptsApiKeys() ? 250 : null);
        json.put("current_quality_rating", stage.acceptsApiKeys() ? "GREEN" : null);
        json.put("client", owner(client));
        json.put("setup_info", Map.of("phone_number", channel.phoneNumber(), "phone_name", client.name()));
        json.put("waba_account", Map.of("id", channel.wabaId(), "namespace", "sandbox_" + channel.id().toLowerCase(),
                "fb_business_id", channel.wabaId(), "fb_account_status", stage.fbAccountStatus()));
        json.put("integration", Map.of("app_id", channel.appId()));
        json.put("has_inbox", false);
        json.put("is_oba", false);
        return json;
    }

    /** The client as a channel object embeds it. */
    private static Map<String, Object> owner(Client client) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", client.id());
        json.put("name", client.name());
        json.put("partner_payload", client.partnerPayload());
        json.put("contact_info", Map.of("email", client.email()));
        return json;
    }

    /** An item of {@code shared_client_numbers}: the channel and its number in international form. */
    static Map<String, Object> sharedNumber(Channel channel) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", channel.id());
        json.put("phone_number", "+" + channel.phoneNumber());
        return json;
    }

    static Map<String, Object> apiKey(ApiKey key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key.id());
        json.put("api_key", key.apiKey());
        json.put("address", key.address());
        json.put("app_id", key.appId());
        json.put("created_at", time(key.createdAt()));
        return json;
    }

    static Map<String, Object> envelope(String id, String event, Map<String, Object> data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("event", event);
        json.put("data", data);
        return json;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
