package org.partnerhub.onboarding.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.apikey.ApiKeyEvent;
import org.partnerhub.onboarding.events.apikey.ApiKeyProvisioned;
import org.partnerhub.onboarding.events.messagingwebhook.MessagingWebhookEvent;

class ApiKeySecrecyTest {

    @Test
    void aProvisionedKeyIsPublishedWithoutTheSecret() throws Exception {
        JsonNode created;
        try (InputStream in = getClass().getResourceAsStream("/360dialog/api_key_created.json")) {
            created = EventJson.newMapper().readTree(in);
        }
        ApiKeyProvisioned provisioned = new ApiKeyProvisioned("hub-1", "y9MiLoCH", "oaY9LLfUCL",
                created.get("id").asText(), created.get("address").asText(), created.get("app_id").asText(),
                "claim-1", SampleEvents.AT);

        String value = new String(new EventCodec().encode(provisioned), StandardCharsets.UTF_8);

        assertThat(value).contains("201126").doesNotContain(created.get("api_key").asText());
    }

    @Test
    void noApiKeyOrMessagingWebhookEventHasAFieldThatCouldHoldTheSecret() {
        for (Class<?> type : Stream.of(ApiKeyEvent.class, MessagingWebhookEvent.class)
                .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses())).toList()) {
            assertThat(Arrays.stream(type.getRecordComponents()).map(c -> c.getName().toLowerCase(Locale.ROOT)))
                    .as(type.getSimpleName())
                    .noneMatch(name -> name.contains("secret") || name.equals("apikey") || name.equals("key"));
        }
    }
}
