package org.partnerhub.onboarding.keys.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.keys.domain.MessagingWebhookTemplate;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;

/** Start-up: a hub's template is parsed when the bean is made, and a bad one stops the service naming its key. */
class MessagingWebhookTemplatesTest {

    @Test
    void anUnknownPlaceholderRefusesToStartNamingTheHubsKey() {
        MessagingWebhookTemplates templates = templates(Map.of("main", "https://p.example/{channelId}",
                "second", "https://p.example/{channel}"));

        assertThatThrownBy(templates::parse).isInstanceOf(IllegalStateException.class)
                .hasMessage("onboarding.hubs.second.messaging-webhook-url: unknown placeholder {channel} in "
                        + "https://p.example/{channel}; a template may use {channelId}, {clientId}, {tenant}");
    }

    @Test
    void aHubWithoutATemplateSetsNoWebhook() {
        MessagingWebhookTemplates templates = templates(Map.of("main", "https://p.example/{channelId}", "plain", ""));

        templates.parse();

        assertThat(templates.of("main")).contains(new MessagingWebhookTemplate("https://p.example/{channelId}"));
        assertThat(templates.of("plain")).isEmpty();
        assertThat(templates.of("unknown")).isEmpty();
    }

    /** Hubs with only a messaging webhook URL set (blank: none). */
    private static MessagingWebhookTemplates templates(Map<String, String> urls) {
        MessagingWebhookTemplates templates = new MessagingWebhookTemplates();
        Map<String, HubsConfig.Hub> hubs = new TreeMap<>();
        urls.forEach((id, url) -> hubs.put(id, (HubsConfig.Hub) Proxy.newProxyInstance(
                HubsConfig.Hub.class.getClassLoader(), new Class<?>[] {HubsConfig.Hub.class},
                (proxy, method, args) -> method.getName().equals("messagingWebhookUrl")
                        ? Optional.of(url).filter(value -> !value.isEmpty())
                        : Optional.empty())));
        templates.hubs = () -> hubs;
        return templates;
    }
}
