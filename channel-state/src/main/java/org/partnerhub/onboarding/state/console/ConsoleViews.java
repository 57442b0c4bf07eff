package org.partnerhub.onboarding.state.console;

import java.time.Instant;
import java.util.List;

import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.state.fold.ChannelState;
import org.partnerhub.onboarding.state.fold.Stamp;

/** The console's JSON answers besides the funnel. */
public final class ConsoleViews {

    private ConsoleViews() {
    }

    /**
     * What the page may offer the credential.
     *
     * @param canRetry the credential has {@code keys:retry} and this channel-state can forward a retry
     * @param retryConfigured this channel-state can forward a retry to key-provisioner
     */
    public record Settings(String credential, long stuckAfterSeconds, boolean canRetry, boolean retryConfigured) {
    }

    /** @param since when the channel last changed (its last visible change's fact time) */
    public record Stuck(String channelId, String hubId, String tenant, String clientId, ChannelStage stage,
            String status, String waitingFor, Instant since) {

        static Stuck of(ChannelState channel, Waiting waiting) {
            return new Stuck(channel.channelId(), channel.hubId(), channel.tenant(), channel.clientId(),
                    channel.hub().stage(), channel.hub().status(), waiting.describe(), channel.times().updatedAt());
        }
    }

    /** @param failedAt the time of the {@code api-key.failed} fact */
    public record FailedKey(String channelId, String hubId, String tenant, String clientId, ChannelStage stage,
            String reason, Instant failedAt) {

        static FailedKey of(ChannelState channel) {
            return new FailedKey(channel.channelId(), channel.hubId(), channel.tenant(), channel.clientId(),
                    channel.hub().stage(), channel.apiKey().reason(),
                    Stamp.timeOf(channel.apiKey().decidedBy()));
        }
    }

    /** @param channel the snapshot as on {@code channel.state} */
    public record Timeline(ChannelSnapshot channel, List<TimelineEntry> entries) {
    }
}
