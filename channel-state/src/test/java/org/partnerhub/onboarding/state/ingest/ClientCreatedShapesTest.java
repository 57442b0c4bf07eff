package org.partnerhub.onboarding.state.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnerhub.onboarding.events.hub.HubWebhooks;
import org.partnerhub.onboarding.state.fold.Fact;

/** 360dialog's example sends the client as {@code data}, public integrations read {@code data.client}: both count. */
class ClientCreatedShapesTest {

    private static final Instant RECORD_TIME = Instant.parse("2026-11-20T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"client_created.json", "client_created_wrapped.json"})
    void eitherShapeOfClientCreatedNamesTheClientItsTenantAndName(String fixture) throws IOException {
        assertThat(FactTranslator.facts(HubWebhooks.parse("main", fixture(fixture)), RECORD_TIME))
                .singleElement().isInstanceOfSatisfying(Fact.ClientSeen.class, client -> {
                    assertThat(client.clientId()).isEqualTo("oaY9LLfUCL");
                    assertThat(client.tenant()).isEqualTo("tenant-42");
                    assertThat(client.name()).isEqualTo("Acme Bakery GmbH");
                    assertThat(client.linked()).isFalse();
                    assertThat(client.occurredAt()).isEqualTo(RECORD_TIME);
                });
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ClientCreatedShapesTest.class.getResourceAsStream("/360dialog/" + name)) {
            return in.readAllBytes();
        }
    }
}
