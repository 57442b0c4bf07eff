package org.partnerhub.onboarding.keys.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.hubapi.ChannelApiKey;

class KeyAdoptionTest {

    private static final Instant CLAIMED = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void adoptsTheNewestKeyCreatedSinceTheClaim() {
        ChannelApiKey older = key("1", "fake-old", CLAIMED.minusSeconds(3600));
        ChannelApiKey ours = key("2", "fake-ours", CLAIMED.plusSeconds(1));

        assertThat(KeyAdoption.pick(List.of(older, ours), CLAIMED)).contains(ours);
    }

    @Test
    void doesNotAdoptAKeyFromBeforeTheClaimOrOneWithoutItsSecret() {
        assertThat(KeyAdoption.pick(List.of(key("1", "fake-old", CLAIMED.minusSeconds(3600)),
                key("2", null, CLAIMED.plusSeconds(1))), CLAIMED)).isEmpty();
    }

    @Test
    void withoutTimesAdoptsOnlyASingleCandidate() {
        ChannelApiKey only = key("1", "fake-only", null);

        assertThat(KeyAdoption.pick(List.of(only), CLAIMED)).contains(only);
        assertThat(KeyAdoption.pick(List.of(only, key("2", "fake-other", null)), CLAIMED)).isEmpty();
    }

    private static ChannelApiKey key(String id, String secret, Instant createdAt) {
        return new ChannelApiKey(id, secret, "https://waba.example", "app", createdAt);
    }
}
