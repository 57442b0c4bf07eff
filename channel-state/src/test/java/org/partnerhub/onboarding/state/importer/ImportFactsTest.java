package org.partnerhub.onboarding.state.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.hub.HubChannel;
import org.partnerhub.onboarding.state.fold.Fact;
import org.partnerhub.onboarding.state.fold.Origin;

import com.fasterxml.jackson.databind.ObjectMapper;

class ImportFactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant READ = Instant.parse("2026-11-30T05:00:00Z");

    @Test
    void aChannelIsAReconcilersObservationWhoseIdStaysWhileTheChannelDoesNotChange() throws Exception {
        HubChannel running = channel("running");

        List<Fact> first = ImportFacts.channel("main", running, READ);
        List<Fact> again = ImportFacts.channel("main", channel("running"), READ.plusSeconds(3600));
        List<Fact> changed = ImportFacts.channel("main", channel("ready"), READ);

        assertThat(first).singleElement().isInstanceOfSatisfying(Fact.StatusObserved.class, observed -> {
            assertThat(observed.source()).isEqualTo(Origin.RECONCILER);
            assertThat(observed.channelId()).isEqualTo("ch-1");
            assertThat(observed.clientId()).isEqualTo("cl-1");
            assertThat(observed.status()).isEqualTo("running");
            assertThat(observed.occurredAt()).isEqualTo(READ);
        });
        assertThat(again.getFirst().eventId()).isEqualTo(first.getFirst().eventId());
        assertThat(changed.getFirst().eventId()).isNotEqualTo(first.getFirst().eventId());
        assertThat(ImportFacts.channel("other-hub", running, READ).getFirst().eventId())
                .isNotEqualTo(first.getFirst().eventId());
    }

    @Test
    void aClientsPartnerPayloadIsOfferedAsItsTenant() {
        assertThat(ImportFacts.client("main", "cl-1", "Acme", "tenant-7", READ)).singleElement()
                .isInstanceOfSatisfying(Fact.ClientSeen.class, client -> {
                    assertThat(client.tenant()).isEqualTo("tenant-7");
                    assertThat(client.linked()).isFalse();
                    assertThat(client.name()).isEqualTo("Acme");
                });
        assertThat(ImportFacts.client("main", "cl-1", "Acme", "tenant-7", READ.plusSeconds(60)).getFirst().eventId())
                .isEqualTo(ImportFacts.client("main", "cl-1", "Acme", "tenant-7", READ).getFirst().eventId());
        assertThat(ImportFacts.client("main", "cl-1", "Acme", null, READ).getFirst().eventId())
                .isNotEqualTo(ImportFacts.client("main", "cl-1", "Acme", "tenant-7", READ).getFirst().eventId());
    }

    @Test
    void aChannelWithoutAnIdGivesNothing() throws Exception {
        assertThat(ImportFacts.channel("main", HubChannel.from(JSON.readTree("{\"status\":\"running\"}")), READ))
                .isEmpty();
    }

    private static HubChannel channel(String status) throws Exception {
        return HubChannel.from(JSON.readTree("{\"id\":\"ch-1\",\"client_id\":\"cl-1\",\"status\":\"" + status
                + "\",\"setup_info\":{\"phone_number\":\"+4915100000001\"}}"));
    }
}
