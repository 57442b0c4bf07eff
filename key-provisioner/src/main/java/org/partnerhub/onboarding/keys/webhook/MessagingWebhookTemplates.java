package org.partnerhub.onboarding.keys.webhook;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.partnerhub.onboarding.keys.domain.MessagingWebhookTemplate;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;

import io.quarkus.runtime.StartupEvent;

/**
 * Each hub's {@code onboarding.hubs.<id>.messaging-webhook-url}, parsed at start-up: a template with an unknown
 * placeholder or that makes no absolute http(s) URL stops the service from starting, naming the key and the problem.
 * A hub without one sets no messaging webhook.
 */
@ApplicationScoped
public class MessagingWebhookTemplates {

    private final Map<String, MessagingWebhookTemplate> byHub = new TreeMap<>();

    @Inject
    HubsConfig hubs;

    @PostConstruct
    void parse() {
        hubs.hubs().forEach((hubId, hub) -> hub.messagingWebhookUrl().filter(url -> !url.isBlank()).ifPresent(url -> {
            try {
                byHub.put(hubId, MessagingWebhookTemplate.parse(url.trim()));
            } catch (IllegalArgumentException invalid) {
                throw new IllegalStateException("onboarding.hubs." + hubId + ".messaging-webhook-url: "
                        + invalid.getMessage(), invalid);
            }
        }));
    }

    /** Parsing happens when the bean is created; this makes that the start-up. */
    void onStart(@Observes StartupEvent event) {
        byHub.size();
    }

    public Optional<MessagingWebhookTemplate> of(String hubId) {
        return Optional.ofNullable(byHub.get(hubId));
    }
}
