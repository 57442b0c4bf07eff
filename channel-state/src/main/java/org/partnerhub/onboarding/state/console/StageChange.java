package org.partnerhub.onboarding.state.console;

import java.time.Instant;

import org.partnerhub.onboarding.events.state.ChannelStage;

/** A channel's stage as of a moment of its history: what its status mapped to from then on. */
public record StageChange(ChannelStage stage, Instant at) {
}
