package org.partnerhub.onboarding.examples.subscriber;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnerhub.onboarding.events.apikey.ApiKeyEvent;
import org.partnerhub.onboarding.events.apikey.ApiKeyFailed;
import org.partnerhub.onboarding.events.apikey.ApiKeyProvisioned;
import org.partnerhub.onboarding.events.apikey.ApiKeyRevoked;
import org.partnerhub.onboarding.events.lifecycle.ChannelTransition;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;

/**
 * What a partner service knows of each channel from {@code channel.events} and {@code channel.api-keys}, and what it
 * should do next. Pure: no I/O, the caller fetches and reports back.
 * <p>
 * A channel is worth a key fetch once the latest snapshot says {@code live} with permission {@code granted} and
 * there is a sign that a key exists: the snapshot's {@code apiKey.state} is {@code provisioned}, or
 * {@code api-key.provisioned} came. Both are needed because storing a key publishes no transition on
 * {@code channel.events} (only a new {@code channel.state} snapshot and {@code api-key.provisioned}), and the two
 * topics are not ordered with each other: the key may come before or after the channel goes live. The events only
 * say when to ask; the hand-out's answer is what is true now, so a stale sign costs one 404 or 410, nothing more.
 */
final class PartnerChannels {

    /** Where a channel stands for the partner service. */
    enum Status {
        /** Not live with a key yet. */
        WAITING,
        /** The key was fetched and is in use. */
        USING_KEY,
        /** The hand-out had no key the credential may see (404). */
        NO_KEY,
        /** The key was withdrawn (410, permission revoked or api-key.revoked); it is no longer used. */
        STOPPED,
        /** The hand-out could not be asked or refused the credential. */
        FETCH_FAILED
    }

    /** What to do after an event. */
    sealed interface Decision {

        record FetchKey(String channelId) implements Decision {
        }

        record StopUsingKey(String channelId, String why) implements Decision {
        }

        record Nothing() implements Decision {
        }
    }

    private static final Decision NOTHING = new Decision.Nothing();

    /** One channel as the status endpoint shows it; never the key. */
    record View(String channelId, String hubId, String tenant, ChannelStage stage, PermissionState permission,
            String keyId, Status status, String reason, int fetches) {
    }

    private static final class Channel {
        final String channelId;
        final String hubId;
        String tenant;
        long version = -1;
        ChannelStage stage;
        PermissionState permission;
        boolean keySign;
        String keyId;
        Status status = Status.WAITING;
        String reason;
        int fetches;

        Channel(String channelId, String hubId) {
            this.channelId = channelId;
            this.hubId = hubId;
        }
    }

    private final Map<String, Channel> channels = new LinkedHashMap<>();

    Decision onTransition(ChannelTransition transition) {
        Channel channel = channel(transition.channelId(), transition.hubId());
        ChannelSnapshot snapshot = transition.snapshot();
        // A channel's transitions come in order on its partition; an older version is a redelivery after a newer one.
        if (snapshot.version() <= channel.version) {
            return NOTHING;
        }
        channel.version = snapshot.version();
        channel.stage = snapshot.stage();
        channel.permission = snapshot.permission().state();
        channel.tenant = snapshot.tenant();
        if (channel.permission == PermissionState.REVOKED) {
            return stop(channel, "permission revoked");
        }
        if (snapshot.apiKey().state() == ApiKeyState.REVOKED) {
            return stop(channel, "key revoked");
        }
        if (snapshot.apiKey().state() == ApiKeyState.PROVISIONED) {
            channel.keySign = true;
        }
        return next(channel);
    }

    Decision onApiKey(ApiKeyEvent event) {
        Channel channel = channel(event.channelId(), event.hubId());
        return switch (event) {
            case ApiKeyProvisioned provisioned -> {
                if (channel.status == Status.USING_KEY && channel.keyId != null
                        && !provisioned.keyId().equals(channel.keyId)) {
                    // Creating a key at 360dialog revokes the channel's earlier ones: the one in use is dead. A key
                    // fetched on the snapshot's word, before its announcement came, is the one announced: another
                    // key needs another permission, and losing the first one stops the key in use.
                    channel.status = Status.WAITING;
                }
                channel.keyId = provisioned.keyId();
                channel.keySign = true;
                yield next(channel);
            }
            case ApiKeyRevoked revoked -> stop(channel, "key revoked: " + revoked.reason());
            // key-provisioner retries by itself, or an operator retries a permanent failure: a later event follows.
            case ApiKeyFailed failed -> NOTHING;
        };
    }

    /** Records the hand-out's answer to a {@link Decision.FetchKey}. */
    void fetched(String channelId, Handout answer) {
        Channel channel = channels.get(channelId);
        channel.fetches++;
        switch (answer) {
            case Handout.Key key -> {
                channel.status = Status.USING_KEY;
                channel.reason = null;
            }
            case Handout.NoKey none -> {
                channel.status = Status.NO_KEY;
                channel.keySign = false;
                channel.reason = none.reason();
            }
            case Handout.Withdrawn withdrawn -> {
                channel.status = Status.STOPPED;
                channel.keySign = false;
                channel.reason = withdrawn.reason();
            }
            case Handout.Failed failed -> {
                channel.status = Status.FETCH_FAILED;
                channel.reason = failed.reason();
            }
        }
    }

    Optional<View> view(String channelId) {
        return Optional.ofNullable(channels.get(channelId)).map(PartnerChannels::view);
    }

    List<View> views() {
        return channels.values().stream().map(PartnerChannels::view).toList();
    }

    private static View view(Channel channel) {
        return new View(channel.channelId, channel.hubId, channel.tenant, channel.stage, channel.permission,
                channel.keyId, channel.status, channel.reason, channel.fetches);
    }

    private Channel channel(String channelId, String hubId) {
        return channels.computeIfAbsent(channelId, id -> new Channel(id, hubId));
    }

    private static Decision next(Channel channel) {
        boolean ready = channel.stage == ChannelStage.LIVE && channel.permission == PermissionState.GRANTED
                && channel.keySign;
        return ready && channel.status != Status.USING_KEY ? new Decision.FetchKey(channel.channelId) : NOTHING;
    }

    private static Decision stop(Channel channel, String why) {
        boolean wasUsing = channel.status == Status.USING_KEY;
        channel.keySign = false;
        channel.status = Status.STOPPED;
        channel.reason = why;
        return wasUsing ? new Decision.StopUsingKey(channel.channelId, why) : NOTHING;
    }
}
