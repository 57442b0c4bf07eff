package org.partnerhub.onboarding.examples.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerhub.onboarding.examples.subscriber.Channels.keyRevoked;
import static org.partnerhub.onboarding.examples.subscriber.Channels.live;
import static org.partnerhub.onboarding.examples.subscriber.Channels.permissionRevoked;
import static org.partnerhub.onboarding.examples.subscriber.Channels.provisioned;
import static org.partnerhub.onboarding.examples.subscriber.Channels.running;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.examples.subscriber.PartnerChannels.Decision;
import org.partnerhub.onboarding.examples.subscriber.PartnerChannels.Status;

class PartnerChannelsTest {

    private static final String CHANNEL = "ch-1";
    private static final Decision FETCH = new Decision.FetchKey(CHANNEL);
    private static final Decision NOTHING = new Decision.Nothing();
    private static final Handout KEY = new Handout.Key(CHANNEL, "secret", "https://waba.example", "app-1",
            Instant.EPOCH);

    private final PartnerChannels channels = new PartnerChannels();

    @Test
    void aKeyProvisionedWhileRunningIsFetchedWhenTheChannelGoesLive() {
        assertThat(channels.onTransition(running(CHANNEL, 3, ApiKeyState.NONE))).isEqualTo(NOTHING);
        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-1"))).isEqualTo(NOTHING);

        assertThat(channels.onTransition(live(CHANNEL, 5, ApiKeyState.PROVISIONED))).isEqualTo(FETCH);
    }

    @Test
    void aChannelLiveBeforeItsKeyIsFetchedWhenApiKeyProvisionedArrives() {
        assertThat(channels.onTransition(live(CHANNEL, 4, ApiKeyState.PENDING))).isEqualTo(NOTHING);

        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-1"))).isEqualTo(FETCH);
    }

    @Test
    void aSnapshotSayingProvisionedIsEnoughWhenApiKeyProvisionedIsStillOnItsWay() {
        assertThat(channels.onTransition(live(CHANNEL, 4, ApiKeyState.PROVISIONED))).isEqualTo(FETCH);
    }

    @Test
    void aKeyInUseIsNotFetchedAgainForTheSameKey() {
        channels.onTransition(live(CHANNEL, 4, ApiKeyState.PROVISIONED));
        channels.fetched(CHANNEL, KEY);

        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-1"))).isEqualTo(NOTHING);
        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-1"))).isEqualTo(NOTHING);
        assertThat(channels.view(CHANNEL).orElseThrow())
                .extracting(PartnerChannels.View::status, PartnerChannels.View::fetches, PartnerChannels.View::keyId)
                .containsExactly(Status.USING_KEY, 1, "key-1");
    }

    @Test
    void aNewKeyReplacesTheOneInUse() {
        channels.onTransition(live(CHANNEL, 4, ApiKeyState.PENDING));
        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-1"))).isEqualTo(FETCH);
        channels.fetched(CHANNEL, KEY);

        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-2"))).isEqualTo(FETCH);
    }

    @Test
    void anOlderSnapshotArrivingLateChangesNothing() {
        channels.onTransition(live(CHANNEL, 6, ApiKeyState.PENDING));

        assertThat(channels.onTransition(running(CHANNEL, 5, ApiKeyState.PROVISIONED))).isEqualTo(NOTHING);
        assertThat(channels.view(CHANNEL).orElseThrow().stage()).isEqualTo(ChannelStage.LIVE);
    }

    @Test
    void aRunningChannelWithAKeyIsNotLiveYet() {
        assertThat(channels.onTransition(running(CHANNEL, 3, ApiKeyState.PROVISIONED))).isEqualTo(NOTHING);
    }

    @Test
    void aStageAddedLaterReadsAsUnknownAndIsNotLive() {
        assertThat(channels.onTransition(Channels.withStage(CHANNEL, 3, ChannelStage.UNKNOWN))).isEqualTo(NOTHING);
    }

    @Test
    void revokingThePermissionStopsTheKeyInUse() {
        channels.onTransition(live(CHANNEL, 4, ApiKeyState.PROVISIONED));
        channels.fetched(CHANNEL, KEY);

        assertThat(channels.onTransition(permissionRevoked(CHANNEL, 5)))
                .isEqualTo(new Decision.StopUsingKey(CHANNEL, "permission revoked"));
        assertThat(channels.view(CHANNEL).orElseThrow().status()).isEqualTo(Status.STOPPED);
    }

    @Test
    void apiKeyRevokedStopsTheKeyInUseOnce() {
        channels.onTransition(live(CHANNEL, 4, ApiKeyState.PROVISIONED));
        channels.fetched(CHANNEL, KEY);

        assertThat(channels.onApiKey(keyRevoked(CHANNEL, "key-1"))).isInstanceOf(Decision.StopUsingKey.class);
        assertThat(channels.onApiKey(keyRevoked(CHANNEL, "key-1"))).isEqualTo(NOTHING);
    }

    @Test
    void aWithdrawnOrMissingKeyIsNotAskedForAgainUntilAnotherKeyIsAnnounced() {
        channels.onTransition(live(CHANNEL, 4, ApiKeyState.PROVISIONED));
        channels.fetched(CHANNEL, new Handout.Withdrawn("revoked"));

        assertThat(channels.onTransition(live(CHANNEL, 5, ApiKeyState.PENDING))).isEqualTo(NOTHING);
        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-2"))).isEqualTo(FETCH);
        channels.fetched(CHANNEL, new Handout.NoKey("channel ch-1 has no key"));
        assertThat(channels.view(CHANNEL).orElseThrow().status()).isEqualTo(Status.NO_KEY);
    }

    @Test
    void aFailedFetchIsTriedAgainOnTheChannelsNextEvent() {
        channels.onTransition(live(CHANNEL, 4, ApiKeyState.PROVISIONED));
        channels.fetched(CHANNEL, new Handout.Failed("key-provisioner answered 503"));

        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-1"))).isEqualTo(FETCH);
    }
}
