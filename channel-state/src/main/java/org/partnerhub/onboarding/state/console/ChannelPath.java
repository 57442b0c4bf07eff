package org.partnerhub.onboarding.state.console;

import java.util.List;

import org.partnerhub.onboarding.events.state.ChannelStage;

/**
 * One channel's way through the stages, from its history.
 *
 * @param changes oldest first, as folded; consecutive changes to the same stage are one stay
 */
public record ChannelPath(String hubId, String tenant, ChannelStage current, List<StageChange> changes) {

    public ChannelPath {
        changes = List.copyOf(changes);
    }
}
