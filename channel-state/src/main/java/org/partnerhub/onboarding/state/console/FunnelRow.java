package org.partnerhub.onboarding.state.console;

import java.util.List;

import org.partnerhub.onboarding.events.state.ChannelStage;

/** The funnel of one hub and tenant ({@code tenant} is null for channels whose tenant is not known yet). */
public record FunnelRow(String hubId, String tenant, List<Stage> stages) {

    /**
     * @param channels channels in this stage now
     * @param reached channels that were in this stage or a later one (in {@link ChannelStage}'s order) at some time
     * @param conversion {@code reached} of the next stage divided by this one's; null for the last stage or when
     *     none reached this one
     * @param stays completed stays in the stage (entered and left), which the percentiles are taken over
     * @param p50Seconds median time from entering the stage to leaving it; null without a completed stay
     * @param p90Seconds 90th percentile of the same
     */
    public record Stage(ChannelStage stage, int channels, int reached, Double conversion, int stays, Long p50Seconds,
            Long p90Seconds) {
    }
}
