package org.partnerhub.onboarding.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.partnerhub.onboarding.runtime.hubs.HubsConfig;

/** The configured hubs, with their secrets turned into checks once at start-up. */
final class WebhookHubs {

    private final Map<String, WebhookHub> byId;

    private WebhookHubs(Map<String, WebhookHub> byId) {
        this.byId = byId;
    }

    /**
     * @throws IllegalStateException if a hub sets only one of the static header's name and value, or authenticates
     *     its webhooks neither way without {@code allow-unsigned-webhooks}: anyone could then post its facts
     */
    static WebhookHubs from(HubsConfig config) {
        return new WebhookHubs(config.hubs().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, hub -> hub(hub.getKey(), hub.getValue()))));
    }

    Optional<WebhookHub> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static WebhookHub hub(String id, HubsConfig.Hub config) {
        Optional<SignatureVerifier> signature = config.webhookSecret().map(current -> new SignatureVerifier(
                Stream.concat(Stream.of(current), config.webhookSecretPrevious().stream()).toList()));
        if (config.webhookHeaderName().isPresent() != config.webhookHeaderValue().isPresent()) {
            throw new IllegalStateException("hub " + id + ": set both onboarding.hubs." + id
                    + ".webhook-header-name and .webhook-header-value, or neither");
        }
        Optional<StaticHeader> header = config.webhookHeaderName()
                .map(name -> new StaticHeader(name, config.webhookHeaderValue().orElseThrow()));
        if (signature.isEmpty() && header.isEmpty() && !config.allowUnsignedWebhooks()) {
            throw new IllegalStateException("hub " + id + " does not authenticate its webhooks: set onboarding.hubs."
                    + id + ".webhook-secret, or .webhook-header-name and .webhook-header-value (or, for the sandbox"
                    + " and tests only, .allow-unsigned-webhooks=true)");
        }
        return new WebhookHub(id, signature, header);
    }
}
