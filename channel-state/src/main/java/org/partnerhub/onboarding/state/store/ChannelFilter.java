package org.partnerhub.onboarding.state.store;

import org.partnerhub.onboarding.events.state.ChannelStage;

/** Filters of a channel listing; absent fields do not filter. {@code after} is the last channel id seen. */
public record ChannelFilter(String tenant, String clientId, String hubId, ChannelStage stage, String after,
        int limit) {
}
