package org.partnerhub.onboarding.keys.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerhub.onboarding.keys.domain.MessagingWebhookTemplate.Placeholder;
import org.partnerhub.onboarding.keys.domain.MessagingWebhookTemplate.Rendering;

class MessagingWebhookTemplateTest {

    static Stream<Arguments> renderings() {
        return Stream.of(
                Arguments.of("https://p.example/wa/{channelId}", "ch-1", "cl-1", "t-1",
                        new Rendering.Url("https://p.example/wa/ch-1")),
                Arguments.of("https://p.example/{tenant}/wa?channel={channelId}&client={clientId}", "ch-1", "cl-1",
                        "t-1", new Rendering.Url("https://p.example/t-1/wa?channel=ch-1&client=cl-1")),
                Arguments.of("https://p.example/static", null, null, null, new Rendering.Url("https://p.example/static")),
                Arguments.of("https://p.example/{tenant}/{tenant}", "ch-1", "cl-1", "Acme GmbH/Ost",
                        new Rendering.Url("https://p.example/Acme%20GmbH%2FOst/Acme%20GmbH%2FOst")),
                Arguments.of("https://p.example/{tenant}/{channelId}", "ch-1", "cl-1", null,
                        new Rendering.Missing(Placeholder.TENANT)),
                Arguments.of("https://p.example/{clientId}", "ch-1", " ", "t-1",
                        new Rendering.Missing(Placeholder.CLIENT_ID)));
    }

    @ParameterizedTest(name = "{0} -> {4}")
    @MethodSource("renderings")
    void fillsInTheChannelsValuesUrlEncoded(String template, String channelId, String clientId, String tenant,
            Rendering expected) {
        assertThat(MessagingWebhookTemplate.parse(template).render(channelId, clientId, tenant)).isEqualTo(expected);
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithTheOnesThatExist() {
        assertThatThrownBy(() -> MessagingWebhookTemplate.parse("https://p.example/{channel_id}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown placeholder {channel_id} in https://p.example/{channel_id}; a template may use "
                        + "{channelId}, {clientId}, {tenant}");
    }

    @Test
    void aTemplateThatMakesNoAbsoluteHttpUrlIsRefused() {
        assertThatThrownBy(() -> MessagingWebhookTemplate.parse("/wa/{channelId}"))
                .hasMessage("/wa/{channelId} is not an absolute http(s) URL");
        assertThatThrownBy(() -> MessagingWebhookTemplate.parse("ftp://p.example/{channelId}"))
                .hasMessage("ftp://p.example/{channelId} is not an absolute http(s) URL");
        assertThatThrownBy(() -> MessagingWebhookTemplate.parse("https://p.example/a b"))
                .hasMessageStartingWith("https://p.example/a b is not a URL");
    }
}
