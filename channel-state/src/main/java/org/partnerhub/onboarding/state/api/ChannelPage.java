package org.partnerhub.onboarding.state.api;

import java.util.List;

import org.partnerhub.onboarding.events.state.ChannelSnapshot;

/** @param next the {@code after} value for the next page; absent on the last page */
public record ChannelPage(List<ChannelSnapshot> items, String next) {
}
