package org.partnerhub.onboarding.examples.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerhub.onboarding.examples.subscriber.Channels.keyRevoked;
import static org.partnerhub.onboarding.examples.subscriber.Channels.live;
import static org.partnerhub.onboarding.examples.subscriber.Channels.permissionGranted;
import static org.partnerhub.onboarding.examples.subscriber.Channels.permissionRevoked;
import static org.partnerhub.onboarding.examples.subscriber.Channels.provisioned;
import static org.partnerhub.onboarding.examples.subscriber.Channels.running;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.EventType;
import org.partnerhub.onboarding.events.lifecycle.ChannelTransition;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.examples.subscriber.PartnerChannels.Decision;
import org.partnerhub.onboarding.examples.subscriber.PartnerChannels.Status;
import org.partnerhub.onboarding.examples.subscriber.PartnerChannels.View;

class PartnerChannelsTest {

    private static final String CHANNEL = "ch-1";
    private static final Decision NOTHING = new Decision.Nothing();
    private static final Handout KEY = new Handout.Key(CHANNEL, "secret", "https://waba.example", "app-1",
            Instant.EPOCH);

    private final PartnerChannels channels = new PartnerChannels();

    @Test
    void aKeyAnnouncedWhileRunningIsFetchedWhenTheChannelGoesLive() {
        assertThat(channels.onTransition(running(CHANNEL, 3, ApiKeyState.NONE))).isEqualTo(NOTHING);
        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-1"))).isEqualTo(NOTHING);

        assertThat(channels.onTransition(live(CHANNEL, 5, ApiKeyState.PROVISIONED))).isEqualTo(fetch("key-1"));
    }

    @Test
    void aChannelLiveBeforeItsKeyIsFetchedWhenApiKeyProvisionedArrives() {
        assertThat(channels.onTransition(live(CHANNEL, 4, ApiKeyState.PENDING))).isEqualTo(NOTHING);

        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-1"))).isEqualTo(fetch("key-1"));
    }

    @Test
    void aSnapshotSayingProvisionedWaitsForTheAnnouncementThatNamesTheKey() {
        assertThat(channels.onTransition(live(CHANNEL, 4, ApiKeyState.PROVISIONED))).isEqualTo(NOTHING);

        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-1"))).isEqualTo(fetch("key-1"));
    }

    @Test
    void aKeyInUseIsNotFetchedAgain() {
        use("key-1");

        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-1"))).isEqualTo(NOTHING);
        assertThat(channels.onTransition(live(CHANNEL, 9, ApiKeyState.PROVISIONED))).isEqualTo(NOTHING);
        assertThat(channels.view(CHANNEL).orElseThrow())
                .extracting(View::status, View::fetches, View::keyId)
                .containsExactly(Status.USING_KEY, 1, "key-1");
    }

    @Test
    void aNewKeyReplacesTheOneInUse() {
        use("key-1");

        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-2"))).isEqualTo(fetch("key-2"));
    }

    @Test
    void anOlderSnapshotArrivingLateChangesNothing() {
        channels.onTransition(live(CHANNEL, 6, ApiKeyState.PENDING));

        assertThat(channels.onTransition(running(CHANNEL, 5, ApiKeyState.NONE))).isEqualTo(NOTHING);
        assertThat(channels.view(CHANNEL).orElseThrow().stage()).isEqualTo(ChannelStage.LIVE);
        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-1"))).isEqualTo(fetch("key-1"));
    }

    @Test
    void aRunningChannelWithAKeyIsNotLiveYet() {
        channels.onTransition(running(CHANNEL, 3, ApiKeyState.NONE));

        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-1"))).isEqualTo(NOTHING);
    }

    @Test
    void aStageAddedAfterThisVersionReadsAsUnknownAndIsNotLive() {
        EventCodec codec = new EventCodec();
        String json = new String(codec.encode(live(CHANNEL, 3, ApiKeyState.PENDING)), StandardCharsets.UTF_8)
                .replace("\"live\"", "\"some-later-stage\"");
        ChannelTransition newer = (ChannelTransition) codec.decode(EventType.CHANNEL_STATUS_CHANGED.ceType(),
                json.getBytes(StandardCharsets.UTF_8));
        channels.onApiKey(provisioned(CHANNEL, "key-1"));

        assertThat(newer.snapshot().stage()).isEqualTo(ChannelStage.UNKNOWN);
        assertThat(channels.onTransition(newer)).isEqualTo(NOTHING);
    }

    @Test
    void revokingThePermissionStopsTheKeyInUse() {
        use("key-1");

        assertThat(channels.onTransition(permissionRevoked(CHANNEL, 9)))
                .isEqualTo(new Decision.StopUsingKey(CHANNEL, "permission revoked"));
        assertThat(channels.view(CHANNEL).orElseThrow().status()).isEqualTo(Status.STOPPED);
    }

    @Test
    void apiKeyRevokedStopsTheKeyInUseOnce() {
        use("key-1");

        assertThat(channels.onApiKey(keyRevoked(CHANNEL, "key-1"))).isInstanceOf(Decision.StopUsingKey.class);
        assertThat(channels.onApiKey(keyRevoked(CHANNEL, "key-1"))).isEqualTo(NOTHING);
    }

    @Test
    void theRevocationOfAnOlderKeyLeavesTheNewOneInUse() {
        use("key-1");
        channels.onApiKey(provisioned(CHANNEL, "key-2"));
        channels.fetched(fetch("key-2"), KEY);

        assertThat(channels.onApiKey(keyRevoked(CHANNEL, "key-1"))).isEqualTo(NOTHING);
        assertThat(channels.view(CHANNEL).orElseThrow().status()).isEqualTo(Status.USING_KEY);
    }

    @Test
    void afterANewGrantTheWithdrawnKeyIsAskedForOnceAndTheNewKeyWhenAnnounced() {
        use("key-1");
        channels.onTransition(permissionRevoked(CHANNEL, 9));

        Decision afterGrant = channels.onTransition(permissionGranted(CHANNEL, 10));
        assertThat(afterGrant).as("the hand-out decides: key-1 may still be the latest").isEqualTo(fetch("key-1"));
        channels.fetched(fetch("key-1"), new Handout.Withdrawn("channel ch-1's key was withdrawn"));
        assertThat(channels.onTransition(live(CHANNEL, 11, ApiKeyState.PENDING))).isEqualTo(NOTHING);
        assertThat(channels.onApiKey(provisioned(CHANNEL, "key-2"))).isEqualTo(fetch("key-2"));
    }

    @Test
    void aKeyTheHandOutDoesNotShowIsNotAskedForAgain() {
        channels.onTransition(live(CHANNEL, 4, ApiKeyState.PENDING));
        channels.onApiKey(provisioned(CHANNEL, "key-1"));
        channels.fetched(fetch("key-1"), new Handout.NoKey("channel ch-1 has no key"));

        assertThat(channels.onTransition(live(CHANNEL, 5, ApiKeyState.PROVISIONED))).isEqualTo(NOTHING);
        assertThat(channels.view(CHANNEL).orElseThrow())
                .extracting(View::status, View::reason).containsExactly(Status.NO_KEY, "channel ch-1 has no key");
    }

    @Test
    void aFailedFetchIsTriedAgainOnTheChannelsNextEvent() {
        channels.onTransition(live(CHANNEL, 4, ApiKeyState.PENDING));
        channels.onApiKey(provisioned(CHANNEL, "key-1"));
        channels.fetched(fetch("key-1"), new Handout.Failed("key-provisioner answered 503"));

        assertThat(channels.onTransition(live(CHANNEL, 5, ApiKeyState.PROVISIONED))).isEqualTo(fetch("key-1"));
    }

    /** The channel live, key announced, fetched and in use. */
    private void use(String keyId) {
        channels.onTransition(live(CHANNEL, 4, ApiKeyState.PENDING));
        assertThat(channels.onApiKey(provisioned(CHANNEL, keyId))).isEqualTo(fetch(keyId));
        channels.fetched(fetch(keyId), KEY);
    }

    private static Decision.FetchKey fetch(String keyId) {
        return new Decision.FetchKey(CHANNEL, keyId);
    }
}
