package org.partnerhub.onboarding.state.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.hub.HubWebhooks;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.state.fold.Fact;
import org.partnerhub.onboarding.state.fold.Origin;

class TextNormaliserTest {

    @Test
    void nulAndLoneSurrogatesBecomeTheReplacementCharacterAndPairsStay() {
        assertThat(TextNormaliser.text("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(TextNormaliser.text("x\uD800y\uDC00")).isEqualTo("x\uFFFDy\uFFFD");
        assertThat(TextNormaliser.text("end\uD83D")).isEqualTo("end\uFFFD");
        assertThat(TextNormaliser.text("emoji \uD83D\uDE00 ok")).isEqualTo("emoji \uD83D\uDE00 ok");
        assertThat(TextNormaliser.text(null)).isNull();
    }

    @Test
    void aClientWebhookWithNulsIsNormalisedAndNotedWithTheFieldsThatChanged() {
        byte[] body = """
                {"id": "evt-nul", "event": "client_created",
                 "data": {"id": "cl-nul", "name": "Acme\\u0000Bakery", "partner_payload": "tenant\\u0000-42"}}
                """.getBytes(StandardCharsets.UTF_8);

        List<Fact> facts = FactTranslator.facts(HubWebhooks.parse("main", body), Instant.parse("2026-11-20T10:00:00Z"));

        assertThat(facts).hasSize(2);
        assertThat(facts.get(0)).isInstanceOfSatisfying(Fact.ClientSeen.class, client -> {
            assertThat(client.name()).isEqualTo("Acme\uFFFDBakery");
            assertThat(client.tenant()).isEqualTo("tenant\uFFFD-42");
        });
        assertThat(facts.get(1)).isInstanceOfSatisfying(Fact.TextNormalised.class, note -> {
            assertThat(note.fields()).containsExactlyInAnyOrder("name", "tenant");
            assertThat(note.clientId()).isEqualTo("cl-nul");
            assertThat(note.factId()).isEqualTo("evt-nul");
            assertThat(note.eventId()).isNotEqualTo(note.factId());
        });
    }

    @Test
    void cleanFactsComeThroughAsTheyWere() {
        byte[] body = """
                {"id": "evt-ok", "event": "client_created", "data": {"id": "cl-ok", "name": "Acme"}}
                """.getBytes(StandardCharsets.UTF_8);

        List<Fact> facts = FactTranslator.facts(HubWebhooks.parse("main", body), Instant.parse("2026-11-20T10:00:00Z"));

        assertThat(facts).singleElement().isInstanceOf(Fact.ClientSeen.class);
    }

    @Test
    void aSourceNoServiceKnowsIsKeptAsItCameButWithoutNul() {
        PermissionGranted granted = new PermissionGranted("main", "cl-9", "ch-9", "tenant-42", "forged\u0000source",
                Instant.parse("2026-11-20T10:00:00Z"), "nonce-1", Verification.CONFIRMED);

        List<Fact> facts = FactTranslator.facts(granted, Instant.parse("2026-11-20T10:00:00Z"));

        assertThat(facts.get(0)).isInstanceOfSatisfying(Fact.PermissionChanged.class, permission -> assertThat(
                permission.source()).isEqualTo(new Origin.Other("forged\uFFFDsource")));
        assertThat(facts.get(1)).isInstanceOfSatisfying(Fact.TextNormalised.class,
                note -> assertThat(note.fields()).containsExactly("source"));
    }
}
