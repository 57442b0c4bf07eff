package org.partnerhub.onboarding.sandbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the Client Hub (cancellation) and Meta (restriction) do to a live channel, each announced by its webhook
 * carrying the channel object as it is afterwards. The sandbox plays them on live channels only, so that they never
 * cross the onboarding steps still on their way.
 */
enum StandingChange {
    REQUEST_CANCELLATION("cancellation/request", "cancellation_request", Standing.ACTIVE, Standing.PENDING_DELETION),
    REVOKE_CANCELLATION("cancellation/revoke", "cancellation_revoke", Standing.PENDING_DELETION, Standing.ACTIVE),
    PROCESS_CANCELLATION("cancellation/process", "cancellation_processed", Standing.PENDING_DELETION,
            Standing.CANCELLED),
    RESTRICT("restriction/impose", "account_restriction", Standing.ACTIVE, Standing.RESTRICTED),
    /** 360dialog announces a lifted restriction as the channel being live again. */
    LIFT_RESTRICTION("restriction/lift", "channel_live", Standing.RESTRICTED, Standing.ACTIVE);

    private final String path;
    private final String event;
    private final Standing from;
    private final Standing to;

    StandingChange(String path, String event, Standing from, Standing to) {
        this.path = path;
        this.event = event;
        this.from = from;
        this.to = to;
    }

    /** The control endpoint's path below {@code /sandbox/channels/{channelId}/}. */
    String path() {
        return path;
    }

    /** The webhook that announces the change. */
    String event() {
        return event;
    }

    static Optional<StandingChange> at(String path) {
        return Arrays.stream(values()).filter(change -> change.path.equals(path)).findFirst();
    }

    /**
     * The channel after the change.
     *
     * @throws NotApplicable with the reason, when the channel is not live or not in the standing the change starts from
     */
    Channel apply(Channel channel, Instant now) {
        if (channel.stage() != Stage.LIVE) {
            throw new NotApplicable(path + ": channel " + channel.id() + " is still being set up (status: "
                    + channel.status() + "); the sandbox changes live channels only");
        }
        if (channel.standing() != from) {
            throw new NotApplicable(path + ": channel " + channel.id() + " is " + channel.status() + ", not "
                    + from.status(channel.stage()));
        }
        return channel.standing(to, now);
    }

    /** A change the channel cannot take now; the message says why. */
    static final class NotApplicable extends RuntimeException {

        NotApplicable(String message) {
            super(message, null, false, false);
        }
    }
}
