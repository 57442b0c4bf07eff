package org.partnerhub.onboarding.hubapi;

import static org.partnerhub.onboarding.events.hub.JsonFields.fieldNames;
import static org.partnerhub.onboarding.events.hub.JsonFields.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.events.hub.JsonFields;
import org.partnerhub.onboarding.events.hub.PartnerClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the Partner API's answers leniently: both documented shapes of a created key, ids as strings or numbers,
 * times with or without a zone ({@link JsonFields}). Channels and clients are read by the model webhooks share
 * ({@link HubChannel}, {@link PartnerClient}). What it cannot use it logs by shape, never by value.
 */
final class PartnerApiJson {

    private static final Logger LOG = Logger.getLogger(PartnerApiJson.class);

    private PartnerApiJson() {
    }

    /** {@code {"id","api_key","address","app_id"}} or, from older revisions, {@code {"api_keys":[{...}]}}. */
    static ChannelApiKey createdKey(JsonNode answer) {
        JsonNode key = answer.path("api_keys").isArray() ? answer.path("api_keys").path(0) : answer;
        ChannelApiKey created = key.isObject() ? apiKey(key) : null;
        if (created == null || !created.revealsSecret()) {
            throw new PermanentHubApiException("create API key: the answer carries no key (fields: "
                    + fieldNames(key) + ")", 0, null);
        }
        return created;
    }

    static List<ChannelApiKey> keys(JsonNode answer) {
        JsonNode array = answer.isArray() ? answer : answer.path("api_keys");
        List<ChannelApiKey> keys = new ArrayList<>();
        for (JsonNode item : array) {
            ChannelApiKey key = apiKey(item);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** A channel as the shared model reads it; one without an id is of no use to any caller. */
    static HubChannel channel(JsonNode json) {
        HubChannel channel = HubChannel.from(json);
        if (channel.id() == null) {
            throw new PermanentHubApiException("channel without an id (fields: " + fieldNames(json) + ")", 0, null);
        }
        return channel;
    }

    static PartnerClient client(JsonNode json) {
        PartnerClient client = PartnerClient.from(json);
        if (client.id() == null) {
            throw new PermanentHubApiException("client without an id (fields: " + fieldNames(json) + ")", 0, null);
        }
        return client;
    }

    /** {@code {count, total, limit, offset, <items>: [...]}}; missing numbers fall back to what was received. */
    static <T> Page<T> page(JsonNode answer, String itemsField, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        answer.path(itemsField).forEach(json -> items.add(item.apply(json)));
        int offset = answer.path("offset").asInt(0);
        return new Page<>(items, answer.path("total").asInt(offset + items.size()),
                answer.path("limit").asInt(items.size()), offset);
    }

    /**
     * {@code {"count": n, "shared_client_numbers": [{"id": ..., "phone_number": ...}]}}, or the bare array; an item
     * may name its channel {@code channel_id}. The shape is not confirmed by 360dialog's docs, so anything else, an
     * item without an id, or fewer items than {@code count} (a page of a longer list) fails the call: read as fewer
     * numbers, it would withdraw permissions that still stand.
     */
    static List<SharedNumber> sharedNumbers(JsonNode answer) {
        JsonNode array = answer.isArray() ? answer : answer.path("shared_client_numbers");
        if (!array.isArray()) {
            throw new PermanentHubApiException("list shared numbers: the answer carries no list (fields: "
                    + fieldNames(answer) + ")", 0, null);
        }
        List<SharedNumber> numbers = new ArrayList<>();
        for (JsonNode item : array) {
            String channelId = Optional.ofNullable(text(item, "id")).orElse(text(item, "channel_id"));
            if (channelId == null) {
                throw new PermanentHubApiException("list shared numbers: an item without a channel id (fields: "
                        + fieldNames(item) + ")", 0, null);
            }
            numbers.add(new SharedNumber(channelId, text(item, "phone_number")));
        }
        JsonNode count = answer.path("count");
        if (count.isNumber() && count.asInt() > numbers.size()) {
            throw new PermanentHubApiException("list shared numbers: " + numbers.size() + " of " + count.asInt()
                    + " numbers in the answer", 0, null);
        }
        return numbers;
    }

    static Optional<String> webhookUrl(JsonNode answer) {
        return Optional.ofNullable(Optional.ofNullable(text(answer, "webhook_url")).orElse(text(answer, "url")));
    }

    /**
     * The body of {@code POST /partners/{partnerId}/webhook_url}: {@code {"webhook_url": ..., "headers": {name:
     * value}}}, {@code headers} left out without a static header. 360dialog documents that custom headers are
     * configured with the URL but not their exact field; this is the one place that assumes {@code headers}.
     */
    static Map<String, Object> webhookRegistration(String url, Optional<WebhookHeader> header) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("webhook_url", url);
        header.ifPresent(h -> body.put("headers", Map.of(h.name(), h.value())));
        return body;
    }

    static Optional<String> redirectUrl(JsonNode partner) {
        return Optional.ofNullable(Optional.ofNullable(text(partner, "partner_redirect_url"))
                .orElse(text(partner, "redirect_url")));
    }

    private static ChannelApiKey apiKey(JsonNode json) {
        String id = text(json, "id");
        if (id == null) {
            LOG.warnf("Ignored an API key entry without an id (fields: %s)", fieldNames(json));
            return null;
        }
        return new ChannelApiKey(id, text(json, "api_key"), text(json, "address"), text(json, "app_id"),
                JsonFields.instant(json, "created_at"));
    }
}
