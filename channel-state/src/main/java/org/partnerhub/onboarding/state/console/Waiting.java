package org.partnerhub.onboarding.state.console;

import java.util.Locale;
import java.util.Optional;

import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.state.fold.ChannelState;
import org.partnerhub.onboarding.state.fold.StageMapping;

/** The step a channel waits for before it is usable with its key, pure. */
public sealed interface Waiting {

    /** How the console shows it, e.g. {@code waiting for 360dialog: submitted}. */
    String describe();

    /** Which step, without the channel's details: few values, so fit for a metric's tag. */
    Kind kind();

    /** The steps a channel can wait for, as the metric {@code onboarding_channels_stuck} tags them. */
    enum Kind {
        HUB_STATUS("hub-status"),
        PERMISSION("permission"),
        KEY("key"),
        KEY_CLAIM_FAILED("key-claim-failed");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    /** 360dialog has not moved the channel on yet (or never reported it: no status). */
    record ForHub(String status) implements Waiting {
        @Override
        public Kind kind() {
            return Kind.HUB_STATUS;
        }

        @Override
        public String describe() {
            return "waiting for 360dialog: " + (status == null ? "not reported yet" : status);
        }
    }

    /** Usable at 360dialog, but the client has not given (or has withdrawn) the partner's API-key permission. */
    record ForPermission(PermissionState permission) implements Waiting {
        @Override
        public Kind kind() {
            return Kind.PERMISSION;
        }

        @Override
        public String describe() {
            return "waiting for permission (" + permission.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    /** Usable and permitted; key-provisioner has not reported a key. */
    record ForKey(ApiKeyState state) implements Waiting {
        @Override
        public Kind kind() {
            return Kind.KEY;
        }

        @Override
        public String describe() {
            return "waiting for key (" + state.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    /** key-provisioner gave up on the key: only an operator's retry (or a new grant) moves it. */
    record KeyFailed(String reason) implements Waiting {
        @Override
        public Kind kind() {
            return Kind.KEY_CLAIM_FAILED;
        }

        @Override
        public String describe() {
            return "key claim failed" + (reason == null ? "" : ": " + reason);
        }
    }

    /** The step the channel waits for, if any. */
    static Optional<Waiting> of(ChannelState channel) {
        return of(channel.hub().stage(), channel.hub().status(), channel.permission().state(),
                channel.apiKey().state(), channel.apiKey().reason());
    }

    /**
     * @return empty for a channel that waits for nothing: usable with its key, or in a stage past onboarding
     *     (restricted, cancelled, ...), which only 360dialog or the client change and no step of ours is due for
     */
    static Optional<Waiting> of(ChannelStage stage, String status, PermissionState permission, ApiKeyState key,
            String keyReason) {
        if (stage == ChannelStage.PENDING || stage == ChannelStage.READY || stage == ChannelStage.UNKNOWN) {
            return Optional.of(new ForHub(status));
        }
        if (!StageMapping.usable(stage)) {
            return Optional.empty();
        }
        if (permission != PermissionState.GRANTED) {
            return Optional.of(new ForPermission(permission));
        }
        return switch (key) {
            case PROVISIONED -> Optional.empty();
            case FAILED -> Optional.of(new KeyFailed(keyReason));
            case NONE, PENDING, REVOKED -> Optional.of(new ForKey(key));
        };
    }
}
