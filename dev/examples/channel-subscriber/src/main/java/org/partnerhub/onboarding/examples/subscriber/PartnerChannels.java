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
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;

/**
 * What a partner service knows of each channel from {@code channel.events} and {@code channel.api-keys}, and what it
 * should do next. Pure: no I/O, the caller fetches and reports back.
 * <p>
 * A key is fetched once the latest snapshot on {@code channel.events} says {@code live} with permission
 * {@code granted} and {@code api-key.provisioned} announced a key the service does not use yet. Both topics are
 * needed: storing a key publishes no transition on {@code channel.events} (only a new {@code channel.state}
 * snapshot and {@code api-key.provisioned}), and the two topics are not ordered with each other, so the key may be
 * announced before or after the channel goes live. The snapshot's {@code apiKey.state} is not used as the signal: it
 * names no key, so a service could not tell the key it holds from a newer one. The events only say when to ask;
 * the hand-out's answer is what is true now.
 */
final class PartnerChannels {

    /** Where a channel stands for the partner service. */
    enum Status {
        /** Not live with an announced key yet. */
        WAITING,
        /** The key was fetched and is in use. */
        USING_KEY,
        /** The hand-out had no key the credential may see (404). */
        NO_KEY,
        /** The key was withdrawn (410, permission revoked or api-key.revoked); it is no longer used. */
        STOPPED,
        /** The hand-out could not be asked or refused the credential; asked again on the channel's next event. */
        FETCH_FAILED
    }

    /** What to do after an event. */
    sealed interface Decision {

        /** Fetch the channel's key, announced as {@code keyId}. */
        record FetchKey(String channelId, String keyId) implements Decision {
        }

        record StopUsingKey(String channelId, String why) implements Decision {
        }

        record Nothing() implements Decision {
        }
    }

    private static final Decision NOTHING = new Decision.Nothing();

    /**
     * One channel as the status endpoint shows it; never the key.
     *
     * @param keyId 360dialog's id of the key in use, else of the key last announced
     */
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
        /** The key of the latest api-key.provisioned, until api-key.revoked names it. */
        String announcedKey;
        /** The announced key the last 200 was fetched for, while it is in use. */
        String usedKey;
        /** The announced key the hand-out answered 404 or 410 for: not asked for again. */
        String refusedKey;
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
        return next(channel);
    }

    Decision onApiKey(ApiKeyEvent event) {
        Channel channel = channel(event.channelId(), event.hubId());
        return switch (event) {
            // A new key replaces the one in use: creating a key at 360dialog revokes the channel's earlier ones.
            case ApiKeyProvisioned provisioned -> {
                channel.announcedKey = provisioned.keyId();
                yield next(channel);
            }
            case ApiKeyRevoked revoked -> {
                if (revoked.keyId().equals(channel.announcedKey)) {
                    channel.announcedKey = null;
                }
                yield revoked.keyId().equals(channel.usedKey) ? stop(channel, "key revoked: " + revoked.reason())
                        : NOTHING;
            }
            // key-provisioner retries by itself, or an operator retries a permanent failure: a later event follows.
            case ApiKeyFailed failed -> NOTHING;
        };
    }

    /** Records the hand-out's answer to a {@link Decision.FetchKey}. */
    void fetched(Decision.FetchKey fetch, Handout answer) {
        Channel channel = channels.get(fetch.channelId());
        channel.fetches++;
        switch (answer) {
            case Handout.Key key -> {
                channel.usedKey = fetch.keyId();
                channel.status = Status.USING_KEY;
                channel.reason = null;
            }
            case Handout.NoKey none -> refused(channel, fetch.keyId(), Status.NO_KEY, none.reason());
            case Handout.Withdrawn withdrawn -> refused(channel, fetch.keyId(), Status.STOPPED, withdrawn.reason());
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
                channel.usedKey != null ? channel.usedKey : channel.announcedKey, channel.status, channel.reason,
                channel.fetches);
    }

    private Channel channel(String channelId, String hubId) {
        return channels.computeIfAbsent(channelId, id -> new Channel(id, hubId));
    }

    private static Decision next(Channel channel) {
        boolean ready = channel.stage == ChannelStage.LIVE && channel.permission == PermissionState.GRANTED
                && channel.announcedKey != null && !channel.announcedKey.equals(channel.usedKey)
                && !channel.announcedKey.equals(channel.refusedKey);
        return ready ? new Decision.FetchKey(channel.channelId, channel.announcedKey) : NOTHING;
    }

    private static void refused(Channel channel, String keyId, Status status, String reason) {
        channel.refusedKey = keyId;
        channel.usedKey = null;
        channel.status = status;
        channel.reason = reason;
    }

    private static Decision stop(Channel channel, String why) {
        boolean wasUsing = channel.usedKey != null;
        channel.usedKey = null;
        channel.status = Status.STOPPED;
        channel.reason = why;
        return wasUsing ? new Decision.StopUsingKey(channel.channelId, why) : NOTHING;
    }
}
