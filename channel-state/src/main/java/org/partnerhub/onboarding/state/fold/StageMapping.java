package org.partnerhub.onboarding.state.fold;

import java.util.Locale;
import java.util.Map;

import org.partnerhub.onboarding.events.state.ChannelStage;

/**
 * Maps 360dialog's free-form channel {@code status} onto a lifecycle stage. Besides the statuses of the channel object,
 * the events that say a status themselves ({@code cancellation_request}, {@code account_restriction}, ...) are here,
 * for webhooks whose channel object carries none.
 */
public final class StageMapping {

    private static final Map<String, ChannelStage> STAGES = Map.ofEntries(
            Map.entry("created", ChannelStage.PENDING),
            Map.entry("unverified", ChannelStage.PENDING),
            Map.entry("submitted", ChannelStage.PENDING),
            Map.entry("pending", ChannelStage.PENDING),
            Map.entry("verified", ChannelStage.PENDING),
            Map.entry("ready", ChannelStage.READY),
            Map.entry("running", ChannelStage.RUNNING),
            Map.entry("live", ChannelStage.LIVE),
            Map.entry("restricted", ChannelStage.RESTRICTED),
            Map.entry("flagged", ChannelStage.RESTRICTED),
            Map.entry("suspended", ChannelStage.RESTRICTED),
            Map.entry("banned", ChannelStage.RESTRICTED),
            Map.entry("account_restriction", ChannelStage.RESTRICTED),
            Map.entry("account_violation", ChannelStage.RESTRICTED),
            Map.entry("pending_deletion", ChannelStage.CANCELLATION_REQUESTED),
            Map.entry("cancellation_request", ChannelStage.CANCELLATION_REQUESTED),
            Map.entry("cancelled", ChannelStage.CANCELLED),
            Map.entry("canceled", ChannelStage.CANCELLED),
            Map.entry("terminated", ChannelStage.CANCELLED),
            Map.entry("deleted", ChannelStage.CANCELLED),
            Map.entry("cancellation_processed", ChannelStage.CANCELLED));

    private StageMapping() {
    }

    /**
     * A channel seen only through a permission has no status yet: it is waiting for 360dialog. A status this service
     * does not know is {@link ChannelStage#UNKNOWN}.
     */
    public static ChannelStage stage(String status) {
        if (status == null) {
            return ChannelStage.PENDING;
        }
        return STAGES.getOrDefault(status.toLowerCase(Locale.ROOT), ChannelStage.UNKNOWN);
    }

    /** Whether this service knows the status; an unknown one is kept in history but never replaces a known one. */
    public static boolean known(String status) {
        return status != null && STAGES.containsKey(status.toLowerCase(Locale.ROOT));
    }

    /** Whether the stage is one in which the channel can be used, so that API keys can be created. */
    public static boolean usable(ChannelStage stage) {
        return stage == ChannelStage.RUNNING || stage == ChannelStage.LIVE;
    }

    /** Whether the stage is one 360dialog may take back: a restriction lifted, a cancellation revoked. */
    public static boolean ending(ChannelStage stage) {
        return stage == ChannelStage.RESTRICTED || stage == ChannelStage.CANCELLATION_REQUESTED
                || stage == ChannelStage.CANCELLED;
    }
}
