package org.partnerhub.onboarding.state.fold;

import java.util.Map;

import org.partnerhub.onboarding.events.state.ChannelStage;

/**
 * Maps 360dialog's free-form channel {@code status} onto a lifecycle stage, and ranks statuses along the
 * channel's progression so that an older status replayed after a newer one can be recognised as stale.
 */
public final class StageMapping {

    /** Known statuses with their rank; the hundreds are the stage, the units the order within it. */
    private static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry("created", 100),
            Map.entry("unverified", 101),
            Map.entry("submitted", 102),
            Map.entry("pending", 103),
            Map.entry("verified", 104),
            Map.entry("ready", 200),
            Map.entry("running", 300),
            Map.entry("live", 400),
            Map.entry("restricted", 500),
            Map.entry("flagged", 501),
            Map.entry("suspended", 502),
            Map.entry("banned", 503),
            Map.entry("cancelled", 600),
            Map.entry("canceled", 600),
            Map.entry("terminated", 601),
            Map.entry("deleted", 602));

    private static final ChannelStage[] STAGE_BY_HUNDREDS = {
        ChannelStage.UNKNOWN, ChannelStage.PENDING, ChannelStage.READY, ChannelStage.RUNNING,
        ChannelStage.LIVE, ChannelStage.RESTRICTED, ChannelStage.CANCELLED
    };

    private StageMapping() {
    }

    /** A channel seen only through a permission has no status yet: it is waiting for 360dialog. */
    public static ChannelStage stage(String status) {
        if (status == null) {
            return ChannelStage.PENDING;
        }
        return STAGE_BY_HUNDREDS[rank(status) / 100];
    }

    /**
     * Position of a status in the channel's progression. Statuses this service does not know rank lowest: they
     * are kept in history but never overwrite a known status.
     */
    public static int rank(String status) {
        return status == null ? -1 : RANKS.getOrDefault(status.toLowerCase(java.util.Locale.ROOT), 0);
    }

    /** Whether the stage is one in which the channel can be used, so that API keys can be created. */
    public static boolean usable(ChannelStage stage) {
        return stage == ChannelStage.RUNNING || stage == ChannelStage.LIVE;
    }
}
